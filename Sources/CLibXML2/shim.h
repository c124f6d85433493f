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
#endif
