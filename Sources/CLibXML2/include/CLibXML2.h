#ifndef DATELINE_CLIBXML2_H
#define DATELINE_CLIBXML2_H
// libxml2's HTML and XML parsers (Debian's libxml2-dev), for the HTML page and feed readers, opened with dlopen at
// the first use rather than linked. Linked, libxml2 and what it loads (ICU's common library and its 30 MB of data,
// liblzma, zlib) cost every start about a millisecond before anything is drawn, though reading a text capture or
// opening the library needs none of it.
//
// The headers come from libxml2-dev through `libxml`, a link to /usr/include/libxml2/libxml beside this file (what
// `pkg-config --cflags libxml-2.0` points at): a system library target with pkg-config would also link libxml2.
// They give the types, constants and macros; every function is called through the `xml2_` wrappers below.
#include <stddef.h>
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
#include <libxml/uri.h>
#include <libxml/encoding.h>

/// Opens libxml2 (once, whichever thread asks first) and sets it up (xmlInitParser). 1 when it is ready; else 0,
/// with why (dlerror's words) in `error`, always terminated. Every wrapper below opens it too, so calling this
/// first is needed only for the message.
int xml2_open(char *error, size_t error_size);

// libxml2's functions, one wrapper each, same arguments. Until libxml2 is open, and when it cannot be opened,
// they do nothing and return NULL, 0 or -1, as libxml2 does on failure (no document, no context, no handler).
htmlDocPtr xml2_htmlReadMemory(const char *buffer, int size, const char *url, const char *encoding, int options);
htmlDocPtr xml2_htmlCtxtReadMemory(
  htmlParserCtxtPtr context, const char *buffer, int size, const char *url, const char *encoding, int options);
htmlParserCtxtPtr xml2_htmlNewParserCtxt(void);
void xml2_htmlFreeParserCtxt(htmlParserCtxtPtr context);
const htmlEntityDesc *xml2_htmlEntityLookup(const xmlChar *name);
const htmlElemDesc *xml2_htmlTagLookup(const xmlChar *tag);
xmlParserCtxtPtr xml2_xmlNewParserCtxt(void);
void xml2_xmlFreeParserCtxt(xmlParserCtxtPtr context);
xmlDocPtr xml2_xmlCtxtReadMemory(
  xmlParserCtxtPtr context, const char *buffer, int size, const char *url, const char *encoding, int options);
void xml2_xmlFreeDoc(xmlDocPtr document);
xmlNodePtr xml2_xmlDocGetRootElement(const xmlDoc *document);
long xml2_xmlGetLineNo(const xmlNode *node);
xmlBufferPtr xml2_xmlBufferCreate(void);
void xml2_xmlBufferFree(xmlBufferPtr buffer);
const xmlChar *xml2_xmlBufferContent(const xmlBuffer *buffer);
int xml2_xmlNodeDump(xmlBufferPtr buffer, xmlDocPtr document, xmlNodePtr node, int level, int format);
xmlChar *xml2_xmlBuildURI(const xmlChar *uri, const xmlChar *base);
/// Frees memory libxml2 allocated (a built URI), with the deallocator libxml2 was set up with: `xmlFree` is a
/// variable of libxml2's, which a program that does not link libxml2 cannot name.
void xml2_free(void *memory);
xmlCharEncodingHandlerPtr xml2_xmlFindCharEncodingHandler(const char *name);
int xml2_xmlCharEncCloseFunc(xmlCharEncodingHandler *handler);
int xml2_xmlStrEqual(const xmlChar *first, const xmlChar *second);
int xml2_xmlStrlen(const xmlChar *text);

/// libxml2 reports some errors (a failed charset conversion, "I/O error : encoder error") through its generic
/// error handler, not the parser's, so HTML_PARSE_NOERROR does not silence them and they would reach stderr.
/// The handler is variadic, which Swift cannot write, and per thread in libxml2: readers call this before each
/// parse on their thread.
void xml2_silence_errors(void);

#endif
