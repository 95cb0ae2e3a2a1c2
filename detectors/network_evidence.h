// The evidence line of a beacon: its URL (and body parameters) with every value replaced by "*"
// except the ones a report may show, the tag ID and event names.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "detectors/request_params.h"

namespace tagdrift::detectors {

inline constexpr std::size_t kMaxNetworkEvidenceBytes = 512;

// Parameter names whose values the evidence keeps; every other value becomes "*".
struct KeptParams {
  std::vector<std::string> ids;     // kept as sent (an account ID may be a long hex string)
  std::vector<std::string> events;  // kept with hashes and e-mail addresses in them redacted
};

// "POST https://host/path?a=*&id=123 body: ev=Lead&ud[em]=*", at most kMaxNetworkEvidenceBytes
// (cut after a whole parameter, marked "…"). `keep_path` keeps the path as sent (it holds the ID);
// otherwise hashes and e-mail addresses in it are redacted. `body` holds the parsed body params.
std::string network_evidence(std::string_view method, std::string_view url_base,
                             std::string_view path, std::string_view query, bool keep_path,
                             const std::vector<RequestParam>& body, const KeptParams& kept);

}  // namespace tagdrift::detectors
