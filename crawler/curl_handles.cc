#include "crawler/curl_handles.h"

#include <mutex>

#include "util/error.h"

namespace tagdrift::crawler {

void ensure_curl_initialised() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
      throw Error(ExitCode::kTargetFailed, "libcurl could not be initialised");
    }
  });
}

}  // namespace tagdrift::crawler
