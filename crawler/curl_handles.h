// Owning handles for libcurl's C objects, and the process-wide libcurl initialisation.
#pragma once

#include <curl/curl.h>

#include <memory>

namespace tagdrift::crawler {

struct CurlEasyDeleter {
  void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
};
struct CurlMultiDeleter {
  void operator()(CURLM* handle) const { curl_multi_cleanup(handle); }
};
struct CurlSlistDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};
struct CurlShareDeleter {
  void operator()(CURLSH* handle) const { curl_share_cleanup(handle); }
};

using CurlEasy = std::unique_ptr<CURL, CurlEasyDeleter>;
using CurlMulti = std::unique_ptr<CURLM, CurlMultiDeleter>;
using CurlSlist = std::unique_ptr<curl_slist, CurlSlistDeleter>;
using CurlShare = std::unique_ptr<CURLSH, CurlShareDeleter>;

// curl_global_init, once per process, before any thread uses libcurl.
void ensure_curl_initialised();

}  // namespace tagdrift::crawler
