// How the Detector reads a fetched GTM container or Google tag: decoded, its live tags matched
// through the signatures' container templates, its Custom HTML and Custom Image tags as places of
// their own. One that does not decode is matched as text, as any script, and listed as unread.
#include <functional>
#include <string>

#include "detectors/detector.h"
#include "detectors/detector_state.h"

namespace tagdrift::detectors {
namespace {

// The id= parameter of a container URL: "GTM-AB12CD".
std::string container_id_of(const std::string& url) {
  std::size_t query = url.find('?');
  for (std::size_t at = url.find("id=", query); at != std::string::npos;
       at = url.find("id=", at + 3)) {
    if (at == 0 || (url[at - 1] != '?' && url[at - 1] != '&')) continue;
    std::size_t end = url.find_first_of("&#", at);
    return url.substr(at + 3, end == std::string::npos ? std::string::npos : end - at - 3);
  }
  return {};
}

// Containers kept decoded per Detector; past this many, more are decoded each time they come.
constexpr std::size_t kMaxDecoded = 256;

}  // namespace

std::shared_ptr<const GtmContainer> Detector::decoded(const std::string& url,
                                                      std::string_view body) const {
  const std::size_t hash = std::hash<std::string_view>()(body);
  {
    std::lock_guard<std::mutex> lock(decoded_mutex_);
    auto found = decoded_.find(url);
    if (found != decoded_.end() && found->second.body_hash == hash) return found->second.container;
  }
  auto container = std::make_shared<const GtmContainer>(decode_gtm_container(body));
  std::lock_guard<std::mutex> lock(decoded_mutex_);
  if (decoded_.size() < kMaxDecoded || decoded_.count(url)) decoded_[url] = {hash, container};
  return container;
}

std::optional<ContainerOrigin> Detector::container(const std::string& url,
                                                   std::string_view body) const {
  if (!is_gtm_container_url(url)) return std::nullopt;
  std::shared_ptr<const GtmContainer> shared = decoded(url, body);
  if (!shared->error.empty()) return std::nullopt;
  ContainerOrigin origin;
  origin.container_id = container_id_of(url);
  origin.version = shared->version;
  return origin;
}

void Detector::match_container_places(const GtmContainer& container, std::size_t tag,
                                      const ContainerOrigin& origin, const Place& from,
                                      PageState& page) const {
  for (Place& place : container_tag_places(container.tags[tag], page.page_url)) {
    place.consent_gated = place.consent_gated || from.consent_gated;
    place.line = from.line;
    page.container_places.push_back(std::move(place));
    const Place& kept = page.container_places.back();
    page.extra[page.place_count] = &kept;
    const std::size_t first = page.candidates.size();
    if (!match_place(kept, page)) note_unknown(kept, page);
    for (std::size_t i = first; i < page.candidates.size(); ++i) {
      page.candidates[i].sighting.via = from.value;
      page.candidates[i].sighting.container = origin;
    }
  }
}

bool Detector::match_container(const std::string& url, std::string_view body, const Place& from,
                               PageState& page) const {
  std::shared_ptr<const GtmContainer> shared = decoded(url, body);
  const GtmContainer& container = *shared;
  if (!container.error.empty()) {
    page.unread.push_back({url, UnreadReason::kUndecoded, container.error});
    return false;
  }
  ContainerOrigin base;
  base.container_id = container_id_of(url);
  base.version = container.version;
  // Every tag template hit of this container is one place, so one account read from several
  // tags is one sighting (the first tag's); Custom HTML places are each their own.
  Place origin_place;
  origin_place.kind = PlaceKind::kExternalJs;
  origin_place.consent_gated = from.consent_gated;
  origin_place.line = from.line;
  const std::size_t place_number = page.place_count++;
  for (const ContainerHit& hit : containers_->match(container)) {
    const Signature& sig = signatures_.signatures()[hit.signature];
    const GtmTag& tag = container.tags[hit.tag];
    std::string what = base.container_id + " tag " + std::to_string(tag.tag_id) + " " +
                       tag.template_name +
                       (hit.field.empty() ? "" : " " + hit.field + "=" + hit.tag_id);
    Candidate candidate{make_sighting(sig, origin_place, page, what, 0), hit.signature, false,
                        place_number};
    candidate.sighting.tag_id = hit.tag_id;
    candidate.sighting.via = url;
    candidate.sighting.events = hit.events;
    candidate.sighting.enhanced_match = hit.enhanced_match;
    candidate.sighting.container = base;
    candidate.sighting.container.tag_id = tag.tag_id;
    candidate.sighting.container.template_name = tag.template_name;
    candidate.sighting.container.firing = tag.firing;
    candidate.sighting.container.resolved = hit.resolved;
    page.candidates.push_back(std::move(candidate));
  }
  for (std::size_t tag = 0; tag < container.tags.size(); ++tag) {
    ContainerOrigin origin = base;
    origin.tag_id = container.tags[tag].tag_id;
    origin.template_name = container.tags[tag].template_name;
    origin.firing = container.tags[tag].firing;
    origin.resolved = "literal";
    Place from_container = from;
    from_container.value = url;
    match_container_places(container, tag, origin, from_container, page);
  }
  return true;
}

}  // namespace tagdrift::detectors
