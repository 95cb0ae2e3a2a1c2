// Scripts a page loads (tag-manager containers, first-party bundles), fetched once per scan for
// the detectors: cached, size-limited, http(s) only, and read from disk for directory targets.
#pragma once

#include <cstddef>
#include <future>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "crawler/crawl_options.h"
#include "crawler/request_config.h"

namespace tagdrift::crawler {

// Why a script was not read; the error says it in words.
enum class ScriptProblem { kNone, kFetchFailed, kTooLarge, kNotJavaScript, kOverLimit };

struct ScriptResult {
  std::string body;   // empty on error
  std::string error;  // empty on success
  ScriptProblem problem = ScriptProblem::kNone;
};

// True for a response content type that no browser runs as a script (HTML, XML, images, CSS,
// fonts, audio, video): a script URL answered so is a login page or a soft 404, not code. An
// absent or unknown type is read.
bool is_not_javascript(std::string_view content_type);

class ScriptCache {
 public:
  explicit ScriptCache(const CrawlOptions& options);
  ~ScriptCache();

  // Thread-safe. Each URL is fetched at most once; concurrent callers wait for the first. Past
  // options.max_scripts distinct URLs, further ones are refused with an error (kOverLimit). A
  // body over options.max_script_bytes, or served as something no browser runs, is an error too.
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
