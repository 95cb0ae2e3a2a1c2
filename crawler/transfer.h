// One HTTP exchange in flight on the multi handle: what is being fetched, why, and the bytes
// received so far, held within the crawl's body budget.
#pragma once

#include <curl/curl.h>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "crawler/curl_handles.h"
#include "crawler/page.h"

namespace tagdrift::crawler {

enum class TransferKind { kPage, kRobots, kSitemap };

struct Transfer {
  TransferKind kind = TransferKind::kPage;
  Page page;                       // page.url is what was queued; page.final_url the current hop
  std::vector<std::string> chain;  // URLs visited by redirects, to catch loops
  int attempt = 0;                 // 0 for the first try
  std::size_t max_body = 0;
  bool html_only = false;                // abort as soon as the content type is not HTML
  bool too_big = false;                  // the body passed max_body
  bool not_html = false;                 // aborted because the content type was not HTML
  std::string retry_after;               // the Retry-After header, if any
  std::string location;                  // the Location header, if any
  std::optional<Validators> validators;  // set: the first hop is a conditional request
  CurlSlist conditional_headers;         // the request headers of a conditional request
  char error_buffer[CURL_ERROR_SIZE] = {};
  CurlEasy easy;

  // libcurl's most specific description of `code` for this transfer.
  std::string describe(CURLcode code) const;

  // Connects the write and header callbacks of `easy` to this transfer.
  void attach_callbacks();
  // Clears what a previous hop or attempt received.
  void reset_response();
};

}  // namespace tagdrift::crawler
