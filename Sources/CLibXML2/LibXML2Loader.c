// libxml2 opened at the first use (why: include/CLibXML2.h). The functions are looked up once, under pthread_once,
// into a table that is never written again; each wrapper reads it after that once.
#include "CLibXML2.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const library_names[] = {"libxml2.so.2", "libxml2.so"};

struct functions {
  htmlDocPtr (*htmlReadMemory)(const char *, int, const char *, const char *, int);
  htmlDocPtr (*htmlCtxtReadMemory)(htmlParserCtxtPtr, const char *, int, const char *, const char *, int);
  htmlParserCtxtPtr (*htmlNewParserCtxt)(void);
  void (*htmlFreeParserCtxt)(htmlParserCtxtPtr);
  const htmlEntityDesc *(*htmlEntityLookup)(const xmlChar *);
  const htmlElemDesc *(*htmlTagLookup)(const xmlChar *);
  xmlParserCtxtPtr (*xmlNewParserCtxt)(void);
  void (*xmlFreeParserCtxt)(xmlParserCtxtPtr);
  xmlDocPtr (*xmlCtxtReadMemory)(xmlParserCtxtPtr, const char *, int, const char *, const char *, int);
  void (*xmlFreeDoc)(xmlDocPtr);
  xmlNodePtr (*xmlDocGetRootElement)(const xmlDoc *);
  long (*xmlGetLineNo)(const xmlNode *);
  xmlBufferPtr (*xmlBufferCreate)(void);
  void (*xmlBufferFree)(xmlBufferPtr);
  const xmlChar *(*xmlBufferContent)(const xmlBuffer *);
  int (*xmlNodeDump)(xmlBufferPtr, xmlDocPtr, xmlNodePtr, int, int);
  xmlChar *(*xmlBuildURI)(const xmlChar *, const xmlChar *);
  int (*xmlMemGet)(xmlFreeFunc *, xmlMallocFunc *, xmlReallocFunc *, xmlStrdupFunc *);
  xmlCharEncodingHandlerPtr (*xmlFindCharEncodingHandler)(const char *);
  int (*xmlCharEncCloseFunc)(xmlCharEncodingHandler *);
  int (*xmlStrEqual)(const xmlChar *, const xmlChar *);
  int (*xmlStrlen)(const xmlChar *);
  void (*xmlSetGenericErrorFunc)(void *, xmlGenericErrorFunc);
  void (*xmlSetStructuredErrorFunc)(void *, xmlStructuredErrorFunc);
  void (*xmlInitParser)(void);
  /// xmlFree as libxml2 was set up (read with xmlMemGet once open).
  xmlFreeFunc free;
};

// Written only inside open_once, which pthread_once runs exactly once and orders before every reader's return
// from pthread_once: after that they are read-only, so any thread may read them without a lock.
static pthread_once_t once = PTHREAD_ONCE_INIT;
static struct functions table;
static int is_open;
static char open_error[512];

static void *resolve(void *handle, const char *name) {
  void *symbol = dlsym(handle, name);
  if (!symbol && open_error[0] == 0) snprintf(open_error, sizeof open_error, "libxml2 has no %s", name);
  return symbol;
}

#define RESOLVE(name) (*(void **)&found.name = resolve(handle, #name))

static void open_once(void) {
  void *handle = NULL;
  // RTLD_LOCAL: libxml2's symbols (and ICU's) stay out of the global namespace, where Foundation's own ICU is.
  // DATELINE_LIBXML2 names another library (a path, or a name the loader finds), as DATELINE_LIBCURL does.
  const char *chosen = getenv("DATELINE_LIBXML2");
  if (chosen && chosen[0]) {
    handle = dlopen(chosen, RTLD_NOW | RTLD_LOCAL);
  } else {
    for (size_t i = 0; i < sizeof library_names / sizeof library_names[0] && !handle; i++) {
      handle = dlopen(library_names[i], RTLD_NOW | RTLD_LOCAL);
    }
  }
  if (!handle) {
    const char *why = dlerror();
    snprintf(open_error, sizeof open_error, "%s", why ? why : "libxml2.so.2 not found");
    return;
  }
  struct functions found;
  memset(&found, 0, sizeof found);
  RESOLVE(htmlReadMemory);
  RESOLVE(htmlCtxtReadMemory);
  RESOLVE(htmlNewParserCtxt);
  RESOLVE(htmlFreeParserCtxt);
  RESOLVE(htmlEntityLookup);
  RESOLVE(htmlTagLookup);
  RESOLVE(xmlNewParserCtxt);
  RESOLVE(xmlFreeParserCtxt);
  RESOLVE(xmlCtxtReadMemory);
  RESOLVE(xmlFreeDoc);
  RESOLVE(xmlDocGetRootElement);
  RESOLVE(xmlGetLineNo);
  RESOLVE(xmlBufferCreate);
  RESOLVE(xmlBufferFree);
  RESOLVE(xmlBufferContent);
  RESOLVE(xmlNodeDump);
  RESOLVE(xmlBuildURI);
  RESOLVE(xmlMemGet);
  RESOLVE(xmlFindCharEncodingHandler);
  RESOLVE(xmlCharEncCloseFunc);
  RESOLVE(xmlStrEqual);
  RESOLVE(xmlStrlen);
  RESOLVE(xmlSetGenericErrorFunc);
  RESOLVE(xmlSetStructuredErrorFunc);
  RESOLVE(xmlInitParser);
  if (open_error[0] != 0) {
    dlclose(handle);
    return;
  }
  xmlMallocFunc malloc_function = NULL;
  xmlReallocFunc realloc_function = NULL;
  xmlStrdupFunc strdup_function = NULL;
  if (found.xmlMemGet(&found.free, &malloc_function, &realloc_function, &strdup_function) != 0 || !found.free) {
    snprintf(open_error, sizeof open_error, "libxml2 gave no deallocator (xmlMemGet)");
    dlclose(handle);
    return;
  }
  // libxml2 sets up its global tables once, before any thread parses. The handle stays open for the process.
  found.xmlInitParser();
  table = found;
  is_open = 1;
}

static inline int ready(void) {
  pthread_once(&once, open_once);
  return is_open;
}

int xml2_open(char *error, size_t error_size) {
  int opened = ready();
  if (error && error_size > 0) snprintf(error, error_size, "%s", opened ? "" : open_error);
  return opened;
}

htmlDocPtr xml2_htmlReadMemory(const char *buffer, int size, const char *url, const char *encoding, int options) {
  return ready() ? table.htmlReadMemory(buffer, size, url, encoding, options) : NULL;
}

htmlDocPtr xml2_htmlCtxtReadMemory(
  htmlParserCtxtPtr context, const char *buffer, int size, const char *url, const char *encoding, int options) {
  return ready() ? table.htmlCtxtReadMemory(context, buffer, size, url, encoding, options) : NULL;
}

htmlParserCtxtPtr xml2_htmlNewParserCtxt(void) { return ready() ? table.htmlNewParserCtxt() : NULL; }

void xml2_htmlFreeParserCtxt(htmlParserCtxtPtr context) {
  if (ready()) table.htmlFreeParserCtxt(context);
}

const htmlEntityDesc *xml2_htmlEntityLookup(const xmlChar *name) {
  return ready() ? table.htmlEntityLookup(name) : NULL;
}

const htmlElemDesc *xml2_htmlTagLookup(const xmlChar *tag) { return ready() ? table.htmlTagLookup(tag) : NULL; }

xmlParserCtxtPtr xml2_xmlNewParserCtxt(void) { return ready() ? table.xmlNewParserCtxt() : NULL; }

void xml2_xmlFreeParserCtxt(xmlParserCtxtPtr context) {
  if (ready()) table.xmlFreeParserCtxt(context);
}

xmlDocPtr xml2_xmlCtxtReadMemory(
  xmlParserCtxtPtr context, const char *buffer, int size, const char *url, const char *encoding, int options) {
  return ready() ? table.xmlCtxtReadMemory(context, buffer, size, url, encoding, options) : NULL;
}

void xml2_xmlFreeDoc(xmlDocPtr document) {
  if (ready()) table.xmlFreeDoc(document);
}

xmlNodePtr xml2_xmlDocGetRootElement(const xmlDoc *document) {
  return ready() ? table.xmlDocGetRootElement(document) : NULL;
}

long xml2_xmlGetLineNo(const xmlNode *node) { return ready() ? table.xmlGetLineNo(node) : -1; }

xmlBufferPtr xml2_xmlBufferCreate(void) { return ready() ? table.xmlBufferCreate() : NULL; }

void xml2_xmlBufferFree(xmlBufferPtr buffer) {
  if (ready()) table.xmlBufferFree(buffer);
}

const xmlChar *xml2_xmlBufferContent(const xmlBuffer *buffer) {
  return ready() ? table.xmlBufferContent(buffer) : NULL;
}

int xml2_xmlNodeDump(xmlBufferPtr buffer, xmlDocPtr document, xmlNodePtr node, int level, int format) {
  return ready() ? table.xmlNodeDump(buffer, document, node, level, format) : -1;
}

xmlChar *xml2_xmlBuildURI(const xmlChar *uri, const xmlChar *base) {
  return ready() ? table.xmlBuildURI(uri, base) : NULL;
}

void xml2_free(void *memory) {
  if (ready() && memory) table.free(memory);
}

xmlCharEncodingHandlerPtr xml2_xmlFindCharEncodingHandler(const char *name) {
  return ready() ? table.xmlFindCharEncodingHandler(name) : NULL;
}

int xml2_xmlCharEncCloseFunc(xmlCharEncodingHandler *handler) {
  return ready() ? table.xmlCharEncCloseFunc(handler) : -1;
}

int xml2_xmlStrEqual(const xmlChar *first, const xmlChar *second) {
  return ready() ? table.xmlStrEqual(first, second) : 0;
}

int xml2_xmlStrlen(const xmlChar *text) { return ready() ? table.xmlStrlen(text) : 0; }

static void ignore_error(void *context, const char *message, ...) {
  (void)context;
  (void)message;
}

void xml2_silence_errors(void) {
  if (!ready()) return;
  table.xmlSetGenericErrorFunc(NULL, ignore_error);
  table.xmlSetStructuredErrorFunc(NULL, NULL);
}
