// The older protocol bitmask options are deprecated in the headers; they are the fallback for libcurl < 7.85.
#define CURL_DISABLE_DEPRECATION 1
#include "CCurl.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct ccurl_library {
  void *handle;
  CURLcode (*global_init)(long);
  char *(*version)(void);
  CURL *(*easy_init)(void);
  void (*easy_cleanup)(CURL *);
  void (*easy_reset)(CURL *);
  CURLcode (*easy_perform)(CURL *);
  const char *(*easy_strerror)(CURLcode);
  CURLcode (*easy_setopt)(CURL *, CURLoption, ...);
  CURLcode (*easy_getinfo)(CURL *, CURLINFO, ...);
  struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
  void (*slist_free_all)(struct curl_slist *);
};

static void *resolve(void *handle, const char *name, char *error, size_t error_size) {
  void *symbol = dlsym(handle, name);
  if (!symbol && error[0] == 0) snprintf(error, error_size, "%s has no %s", "libcurl", name);
  return symbol;
}

ccurl_library *ccurl_open(const char *const *names, int count, char *error, size_t error_size) {
  if (error_size == 0) return NULL;
  error[0] = 0;
  void *handle = NULL;
  for (int i = 0; i < count && !handle; i++) {
    // RTLD_LOCAL: curl's symbols stay out of the global namespace (nothing else here may bind to them).
    handle = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
  }
  if (!handle) {
    const char *why = dlerror();
    snprintf(error, error_size, "%s", why ? why : "libcurl not found");
    return NULL;
  }
  ccurl_library *library = calloc(1, sizeof *library);
  if (!library) {
    snprintf(error, error_size, "out of memory");
    dlclose(handle);
    return NULL;
  }
  library->handle = handle;
  // dlsym returns void *; POSIX guarantees it converts to a function pointer.
  *(void **)&library->global_init = resolve(handle, "curl_global_init", error, error_size);
  *(void **)&library->version = resolve(handle, "curl_version", error, error_size);
  *(void **)&library->easy_init = resolve(handle, "curl_easy_init", error, error_size);
  *(void **)&library->easy_cleanup = resolve(handle, "curl_easy_cleanup", error, error_size);
  *(void **)&library->easy_reset = resolve(handle, "curl_easy_reset", error, error_size);
  *(void **)&library->easy_perform = resolve(handle, "curl_easy_perform", error, error_size);
  *(void **)&library->easy_strerror = resolve(handle, "curl_easy_strerror", error, error_size);
  *(void **)&library->easy_setopt = resolve(handle, "curl_easy_setopt", error, error_size);
  *(void **)&library->easy_getinfo = resolve(handle, "curl_easy_getinfo", error, error_size);
  *(void **)&library->slist_append = resolve(handle, "curl_slist_append", error, error_size);
  *(void **)&library->slist_free_all = resolve(handle, "curl_slist_free_all", error, error_size);
  if (error[0] != 0) {
    dlclose(handle);
    free(library);
    return NULL;
  }
  // Once, before any thread makes a handle (the caller makes the library once; curl_global_init is not
  // thread-safe in older libcurl).
  CURLcode code = library->global_init(CURL_GLOBAL_DEFAULT);
  if (code != CURLE_OK) {
    snprintf(error, error_size, "curl_global_init failed: %s", library->easy_strerror(code));
    dlclose(handle);
    free(library);
    return NULL;
  }
  return library;
}

const char *ccurl_version(const ccurl_library *library) { return library->version(); }

CURL *ccurl_easy_init(const ccurl_library *library) { return library->easy_init(); }

void ccurl_easy_cleanup(const ccurl_library *library, CURL *handle) { library->easy_cleanup(handle); }

void ccurl_easy_reset(const ccurl_library *library, CURL *handle) { library->easy_reset(handle); }

CURLcode ccurl_easy_perform(const ccurl_library *library, CURL *handle) { return library->easy_perform(handle); }

const char *ccurl_easy_strerror(const ccurl_library *library, CURLcode code) {
  return library->easy_strerror(code);
}

CURLcode ccurl_setopt_long(const ccurl_library *library, CURL *handle, CURLoption option, long value) {
  return library->easy_setopt(handle, option, value);
}

CURLcode ccurl_setopt_string(const ccurl_library *library, CURL *handle, CURLoption option, const char *value) {
  return library->easy_setopt(handle, option, value);
}

CURLcode ccurl_setopt_pointer(const ccurl_library *library, CURL *handle, CURLoption option, void *value) {
  return library->easy_setopt(handle, option, value);
}

CURLcode ccurl_setopt_slist(
  const ccurl_library *library, CURL *handle, CURLoption option, struct curl_slist *value) {
  return library->easy_setopt(handle, option, value);
}

CURLcode ccurl_setopt_write_function(
  const ccurl_library *library, CURL *handle, CURLoption option, curl_write_callback value) {
  return library->easy_setopt(handle, option, value);
}

CURLcode ccurl_setopt_xferinfo_function(const ccurl_library *library, CURL *handle, curl_xferinfo_callback value) {
  return library->easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, value);
}

CURLcode ccurl_getinfo_long(const ccurl_library *library, CURL *handle, CURLINFO info, long *value) {
  return library->easy_getinfo(handle, info, value);
}

CURLcode ccurl_getinfo_string(const ccurl_library *library, CURL *handle, CURLINFO info, const char **value) {
  return library->easy_getinfo(handle, info, value);
}

CURLcode ccurl_allow_only_http(const ccurl_library *library, CURL *handle) {
  CURLcode code = library->easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "http,https");
  if (code == CURLE_OK) code = library->easy_setopt(handle, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  if (code != CURLE_UNKNOWN_OPTION) return code;
  code = library->easy_setopt(handle, CURLOPT_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
  if (code == CURLE_OK) code = library->easy_setopt(handle, CURLOPT_REDIR_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
  return code;
}

struct curl_slist *ccurl_slist_append(const ccurl_library *library, struct curl_slist *list, const char *text) {
  return library->slist_append(list, text);
}

void ccurl_slist_free_all(const ccurl_library *library, struct curl_slist *list) { library->slist_free_all(list); }
