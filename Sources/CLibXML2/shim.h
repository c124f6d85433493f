#ifndef DATELINE_CLIBXML2_H
#define DATELINE_CLIBXML2_H
// libxml2's HTML and XML parsers (Debian's libxml2-dev), for the HTML page and feed readers.
#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU, whose headers clash with Foundation's own copy of ICU (both define
// UErrorCode). Only xmlCharEncodingHandler's private fields depend on it, and dateline never touches that
// struct's fields or allocates one, so the ICU part of the headers is left out.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>
#include <libxml/xmlreader.h>
#include <libxml/xpath.h>
#include <libxml/uri.h>
#include <libxml/encoding.h>

// libxml2 reports some errors (a failed charset conversion, "I/O error : encoder error") through its generic
// error handler, not the parser's, so HTML_PARSE_NOERROR does not silence them and they would reach stderr.
// The handler is variadic, which Swift cannot write, and per thread in libxml2: readers call this before each
// parse on their thread.
static void dateline_libxml2_ignore_error(void *context, const char *message, ...) {
  (void)context;
  (void)message;
}
static inline void dateline_libxml2_silence_errors(void) {
  xmlSetGenericErrorFunc(NULL, dateline_libxml2_ignore_error);
  xmlSetStructuredErrorFunc(NULL, NULL);
}
#endif
