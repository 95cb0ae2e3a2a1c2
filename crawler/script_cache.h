// Scripts a page loads (tag-manager containers, first-party bundles), fetched once per scan for
// the detectors: cached, size-limited, http(s) only, and read from disk for directory targets.
#pragma once

#include <cstddef>
#include <future>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "crawler/crawl_options.h"
#include "crawler/request_config.h"

namespace tagdrift::crawler {

struct ScriptResult {
  std::string body;   // empty on error
  std::string error;  // empty on success
};

class ScriptCache {
 public:
  explicit ScriptCache(const CrawlOptions& options);
  ~ScriptCache();

  // Thread-safe. Each URL is fetched at most once; concurrent callers wait for the first. Past
  // options.max_scripts distinct URLs, further ones are refused with an error.
  ScriptResult fetch(const std::string& url);
  std::size_t fetched() const;
  // Why the fetch of `url` failed; empty when it succeeded or was never asked for. Waits for a
  // fetch in progress. Thread-safe.
  std::string error_of(const std::string& url) const;
  // The URLs asked for so far, sorted.
  std::vector<std::string> urls() const;

 private:
  ScriptResult load(const std::string& url) const;
  ScriptResult load_local(const std::string& url) const;

  const CrawlOptions& options_;
  RequestConfig config_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, std::shared_future<ScriptResult>> cache_;
};

}  // namespace tagdrift::crawler
