// A script or container a page loads that the detectors could not analyse in full, and why: tags
// may hide in what was not read, so the report says so rather than passing over it in silence.
#pragma once

#include <string>

namespace tagdrift::detectors {

enum class UnreadReason {
  kTooLarge,         // over the script size limit
  kFetchFailed,      // an HTTP status or transfer error
  kNotJavaScript,    // served as HTML, an image, CSS, ...: not a script
  kOverScriptLimit,  // past the scripts followed per page or fetched per scan
  kUndecoded,        // a tag-manager container that did not decode: matched as text only
};

// "too-large", "fetch-failed", "not-javascript", "over-script-limit", "undecoded".
const char* unread_reason_name(UnreadReason reason);

struct UnreadScript {
  std::string url;
  UnreadReason reason = UnreadReason::kFetchFailed;
  std::string detail;  // one line: "HTTP 404", "6291456 bytes, over the limit of 4194304", ...
};

}  // namespace tagdrift::detectors
