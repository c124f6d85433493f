import CLibXML2

/// The libxml2 the binary was built against, for bug reports.
public enum LibXML2Version {
  public static let compiled: String = LIBXML_DOTTED_VERSION
}
