// The settings every request of a crawl shares (limits, protocols, staging access), built once
// from CrawlOptions and applied to each libcurl easy handle.
#pragma once

#include <curl/curl.h>

#include <string>

#include "crawler/crawl_options.h"
#include "crawler/curl_handles.h"
#include "crawler/page.h"

namespace tagdrift::crawler {

class RequestConfig {
 public:
  // Throws Error (exit 2) when a flag is malformed or the basic-auth variable is missing.
  explicit RequestConfig(const CrawlOptions& options);

  // Resets `easy` and sets it up to GET `url` with no redirects followed (the crawl follows
  // them itself, so that each hop is checked against the scope).
  void apply(CURL* easy, const std::string& url, long timeout_ms) const;

  // After apply(): makes the request conditional on `validators` (If-None-Match,
  // If-Modified-Since) beside the crawl's own headers. The returned list must outlive the
  // transfer. A validator that could break the header block (a line break, a control byte) is
  // left out.
  CurlSlist apply_conditional(CURL* easy, const Validators& validators) const;

  const std::string& user_agent() const { return user_agent_; }

 private:
  const CrawlOptions& options_;
  std::string user_agent_;
  std::string basic_auth_;  // "user:password", from the environment; never logged
  std::string cookie_;
  CurlSlist headers_;
  CurlSlist resolve_;
  CurlSlist connect_to_;
};

}  // namespace tagdrift::crawler
