#include "detectors/unread_script.h"

namespace tagdrift::detectors {

const char* unread_reason_name(UnreadReason reason) {
  switch (reason) {
    case UnreadReason::kTooLarge:
      return "too-large";
    case UnreadReason::kFetchFailed:
      return "fetch-failed";
    case UnreadReason::kNotJavaScript:
      return "not-javascript";
    case UnreadReason::kOverScriptLimit:
      return "over-script-limit";
    case UnreadReason::kUndecoded:
      return "undecoded";
  }
  return "fetch-failed";
}

}  // namespace tagdrift::detectors
