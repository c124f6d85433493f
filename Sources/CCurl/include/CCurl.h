#ifndef DATELINE_CCURL_H
#define DATELINE_CCURL_H

// libcurl's easy interface, opened with dlopen at the first fetch rather than linked: a binary linked to libcurl
// loads its whole tree (TLS, Kerberos, LDAP, SSH, IDN... about 30 libraries) at every start, which costs a reader
// that only shows a file or the library about 15 ms before its first frame. <curl/curl.h> (libcurl4-openssl-dev)
// is included for the types and constants only; nothing here links libcurl.
#include <curl/curl.h>
#include <stddef.h>

/// The functions of one opened libcurl, resolved once; immutable once made, so any thread may use it.
typedef struct ccurl_library ccurl_library;

/// Opens the first of `names` that loads (dlopen), resolves the functions below and runs curl_global_init.
/// NULL on failure, with why in `error` (always terminated).
ccurl_library *ccurl_open(const char *const *names, int count, char *error, size_t error_size);

/// What curl_version() says ("libcurl/7.88.1 OpenSSL/3.0.11 ...").
const char *ccurl_version(const ccurl_library *library);

CURL *ccurl_easy_init(const ccurl_library *library);
void ccurl_easy_cleanup(const ccurl_library *library, CURL *handle);
/// Forgets every option set; the handle keeps its open connections for the next transfer.
void ccurl_easy_reset(const ccurl_library *library, CURL *handle);
CURLcode ccurl_easy_perform(const ccurl_library *library, CURL *handle);
const char *ccurl_easy_strerror(const ccurl_library *library, CURLcode code);

// curl_easy_setopt and curl_easy_getinfo are variadic, which Swift cannot call: one wrapper per argument type.
CURLcode ccurl_setopt_long(const ccurl_library *library, CURL *handle, CURLoption option, long value);
CURLcode ccurl_setopt_string(const ccurl_library *library, CURL *handle, CURLoption option, const char *value);
CURLcode ccurl_setopt_pointer(const ccurl_library *library, CURL *handle, CURLoption option, void *value);
CURLcode ccurl_setopt_slist(
  const ccurl_library *library, CURL *handle, CURLoption option, struct curl_slist *value);
CURLcode ccurl_setopt_write_function(
  const ccurl_library *library, CURL *handle, CURLoption option, curl_write_callback value);
CURLcode ccurl_setopt_xferinfo_function(
  const ccurl_library *library, CURL *handle, curl_xferinfo_callback value);
CURLcode ccurl_getinfo_long(const ccurl_library *library, CURL *handle, CURLINFO info, long *value);
CURLcode ccurl_getinfo_string(const ccurl_library *library, CURL *handle, CURLINFO info, const char **value);

/// Only http and https, for the first URL and every redirect: CURLOPT_PROTOCOLS_STR where this libcurl has it
/// (7.85 and later), else the older bitmask options.
CURLcode ccurl_allow_only_http(const ccurl_library *library, CURL *handle);

struct curl_slist *ccurl_slist_append(const ccurl_library *library, struct curl_slist *list, const char *text);
void ccurl_slist_free_all(const ccurl_library *library, struct curl_slist *list);

#endif
