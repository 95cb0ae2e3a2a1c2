// The detectors' window on the network: fetch a script a page loads, once per scan. The crawler
// implements it; tests implement it with in-memory scripts.
#pragma once

#include <string>

#include "detectors/unread_script.h"

namespace tagdrift::detectors {

struct FetchedScript {
  std::string url;                                    // the URL asked for
  std::string body;                                   // empty on error
  std::string error;                                  // empty on success
  UnreadReason problem = UnreadReason::kFetchFailed;  // what the error means, when there is one
};

class ScriptFetcher {
 public:
  virtual ~ScriptFetcher() = default;
  // Thread-safe. The same URL is fetched at most once per scan; later calls return the cached
  // result. May refuse (error set) URLs outside its own scope rules or past its budget.
  virtual FetchedScript fetch(const std::string& url) = 0;
};

}  // namespace tagdrift::detectors
