#include "detectors/script_follow.h"

#include "detectors/detector_url.h"
#include "util/domain.h"

namespace tagdrift::detectors {

bool is_first_party_script(const Place& place, std::string_view page_host) {
  if (place.kind != PlaceKind::kScriptSrc || place.commented || page_host.empty()) return false;
  std::string host = url_host(place.value);
  return !host.empty() && same_site(host, page_host);
}

std::string follow_url_for(std::string_view follow_url, std::string_view tag_id) {
  if (follow_url.empty() || tag_id.empty()) return {};
  std::string url(follow_url);
  std::size_t at = url.find("{id}");
  if (at == std::string::npos) return url;
  url.replace(at, 4, tag_id);
  return url;
}

}  // namespace tagdrift::detectors
