// The detectors' ScriptFetcher seam, served by the crawler's per-scan script cache.
#pragma once

#include "crawler/script_cache.h"
#include "detectors/script_fetcher.h"

namespace tagdrift::scan {

class CrawlerScriptFetcher : public detectors::ScriptFetcher {
 public:
  explicit CrawlerScriptFetcher(crawler::ScriptCache& cache) : cache_(cache) {}
  detectors::FetchedScript fetch(const std::string& url) override {
    crawler::ScriptResult result = cache_.fetch(url);
    return {url, std::move(result.body), std::move(result.error), reason(result.problem)};
  }

 private:
  static detectors::UnreadReason reason(crawler::ScriptProblem problem) {
    switch (problem) {
      case crawler::ScriptProblem::kTooLarge:
        return detectors::UnreadReason::kTooLarge;
      case crawler::ScriptProblem::kNotJavaScript:
        return detectors::UnreadReason::kNotJavaScript;
      case crawler::ScriptProblem::kOverLimit:
        return detectors::UnreadReason::kOverScriptLimit;
      case crawler::ScriptProblem::kNone:
      case crawler::ScriptProblem::kFetchFailed:
        break;
    }
    return detectors::UnreadReason::kFetchFailed;
  }

  crawler::ScriptCache& cache_;
};

}  // namespace tagdrift::scan
