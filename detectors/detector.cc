#include "detectors/detector.h"

#include <fmt/core.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <utility>

#include "detectors/detector_state.h"
#include "detectors/detector_url.h"
#include "detectors/gtm_container.h"
#include "detectors/match_evidence.h"
#include "detectors/script_follow.h"
#include "detectors/script_names.h"
#include "detectors/script_text.h"
#include "util/ascii.h"
#include "util/domain.h"

namespace tagdrift::detectors {
namespace {

// The tag ID a hit stands for: "" when none is visible, nothing when the hit does not count.
std::optional<std::string> tag_id_for(const MatchHit& hit, const Pattern& pattern,
                                      const IdRules& rules) {
  if (!hit.has_id) return pattern.id_required ? std::nullopt : std::optional<std::string>("");
  CanonicalId id = canonical_id(hit.captured_id, rules);
  if (id.status == IdStatus::kOk) return id.id;
  if (pattern.id_required) return std::nullopt;
  if (id.status == IdStatus::kForeign && pattern.id_must_match) return std::nullopt;
  return std::string();
}

unsigned line_of(const Place& place, std::string_view text, std::size_t offset) {
  if (place.line == 0 || place.kind != PlaceKind::kScriptInline) return place.line;
  return place.line + static_cast<unsigned>(std::count(text.begin(), text.begin() + offset, '\n'));
}

bool is_url_kind(PlaceKind kind) {
  return kind == PlaceKind::kScriptSrc || kind == PlaceKind::kImg || kind == PlaceKind::kIframe ||
         kind == PlaceKind::kNoscriptImg || kind == PlaceKind::kNoscriptIframe ||
         kind == PlaceKind::kLink;
}

// An <img> that reports rather than shows: a query string and no picture file name.
bool looks_like_pixel(std::string_view url) {
  std::size_t query = url.find('?');
  if (query == std::string_view::npos) return false;
  const std::string path = ascii_lowercase(url.substr(0, query));
  for (std::string_view ext : {".png", ".jpg", ".jpeg", ".svg", ".webp", ".avif", ".ico"}) {
    if (path.ends_with(ext)) return false;
  }
  return true;
}

bool may_be_unknown(const Place& place) {
  switch (place.kind) {
    case PlaceKind::kScriptSrc:
    case PlaceKind::kIframe:
    case PlaceKind::kNoscriptIframe:
    case PlaceKind::kNoscriptImg:
      return true;
    case PlaceKind::kImg:
      return looks_like_pixel(place.value);
    default:
      return false;
  }
}

void add_unique(std::vector<std::string>& to, const std::vector<std::string>& from) {
  for (const std::string& item : from) {
    if (std::find(to.begin(), to.end(), item) == to.end()) to.push_back(item);
  }
}

}  // namespace

Detector::Detector(const SignatureSet& signatures, DetectorOptions options)
    : signatures_(signatures),
      options_(options),
      containers_(
          std::make_unique<ContainerTemplates>(signatures.signatures(), signatures.matcher())) {
  for (const Signature& sig : signatures_.signatures()) {
    vendor_hosts_.insert(vendor_hosts_.end(), sig.hosts.begin(), sig.hosts.end());
  }
  for (const AllowedHosts& allowed : signatures_.allowed()) {
    allowed_hosts_.insert(allowed_hosts_.end(), allowed.hosts.begin(), allowed.hosts.end());
  }
}

Detector::~Detector() = default;

bool Detector::known_resource(const std::string& url, const std::string& host) const {
  return host_in(host, vendor_hosts_) || url_in(url, allowed_hosts_);
}

Sighting Detector::make_sighting(const Signature& sig, const Place& place, const PageState& page,
                                 std::string_view text, std::size_t offset) const {
  Sighting s;
  s.signature_id = sig.id;
  s.vendor = sig.vendor;
  s.product = sig.product;
  s.category = category_name(sig.category);
  s.consent_gated = place.consent_gated;
  s.commented = place.commented;
  s.place = place.kind;
  s.page_url = page.page_url;
  s.via = place.via;
  s.evidence = evidence_snippet(text, offset);
  s.line = line_of(place, text, offset);
  if (!place.via.empty()) {
    s.host = url_host(place.via);
  } else if (is_url_kind(place.kind)) {
    s.host = url_host(place.value);
  }
  if (s.host.empty() && !sig.hosts.empty()) s.host = sig.hosts.front();
  return s;
}

bool Detector::add_hits(const Place& place, std::string_view text, PageState& page) const {
  const MatchSet& matcher = signatures_.matcher();
  // A call given a name (fbq("init", cfg.metaPixel)) takes the literal the script assigns to it.
  std::vector<MatchHit> hits = with_assigned_literals(matcher.match(place.kind, text), text);
  std::map<std::size_t, std::pair<std::vector<std::string>, std::vector<std::string>>> extras;
  std::map<std::pair<std::size_t, std::size_t>, bool> loads;  // (signature, pattern) -> loader
  // A tag manager's runtime read as text (a container that did not decode) is the manager's
  // code, never the site's: its calls count only with a literal ID.
  const bool runtime = is_decoded_container_url(place.via);
  auto loads_vendor = [&](const MatchHit& hit) {
    auto [at, added] = loads.try_emplace(std::make_pair(hit.signature, hit.pattern), false);
    if (added) {
      at->second = hit.has_name && !runtime && matcher.loader_in(hit.signature, hit.pattern, text);
    }
    return at->second;
  };
  for (const MatchHit& hit : hits) {
    const Signature& sig = signatures_.signatures()[hit.signature];
    const Pattern& pattern = sig.patterns[hit.pattern];
    auto tag_id = tag_id_for(hit, pattern, matcher.id_rules(hit.signature));
    // Inside a fetched script only a literal ID shows a configured tag: container runtimes and
    // bundles carry vendor URLs and template code for tags that may not be there. A script that
    // loads the vendor's code and calls it with a name holding no literal is the exception.
    if (!tag_id ||
        (place.kind == PlaceKind::kExternalJs && tag_id->empty() && !loads_vendor(hit))) {
      continue;
    }
    if (!extras.count(hit.signature)) {
      extras[hit.signature] = {matcher.events(hit.signature, text),
                               matcher.enhanced_match(hit.signature, text)};
    }
    Candidate candidate{make_sighting(sig, place, page, text, hit.begin), hit.signature,
                        pattern.weak, page.place_count};
    candidate.sighting.tag_id = *tag_id;
    candidate.sighting.events = extras[hit.signature].first;
    candidate.sighting.enhanced_match = extras[hit.signature].second;
    page.candidates.push_back(std::move(candidate));
  }
  return !hits.empty();
}

bool Detector::match_place(const Place& place, PageState& page) const {
  if (place.kind == PlaceKind::kExternalJs) {
    std::string text = unescape_script_text(place.value);
    bool known = add_hits(place, text, page);
    ++page.place_count;
    return known;
  }
  bool known = add_hits(place, place.value, page);
  // URL resolution may drop what the page wrote (a #fragment carrying an ID, a mirror's relative
  // path): the URL as written is matched too; hits on both merge into one sighting.
  if (is_url_kind(place.kind) && !place.raw.empty() && place.raw != place.value) {
    known = add_hits(place, place.raw, page) || known;
  }
  ++page.place_count;
  return known;
}

void Detector::note_unknown(const Place& place, PageState& page) const {
  if (!options_.report_unknown || place.commented || !may_be_unknown(place)) return;
  std::string host = url_host(place.value);
  if (host.empty() || known_resource(place.value, host) || same_site(host, page.page_host)) {
    return;
  }
  for (const Sighting& seen : page.unknown) {
    if (seen.host == host) return;
  }
  Sighting s;
  s.vendor = "unknown";
  s.category = category_name(Category::kOther);
  s.consent_gated = place.consent_gated;
  s.place = place.kind;
  s.page_url = page.page_url;
  s.host = host;
  s.evidence = evidence_snippet(place.value, 0);
  s.line = place.line;
  page.unknown.push_back(std::move(s));
}

void Detector::follow_scripts(const std::vector<Place>& places, PageState& page,
                              ScriptFetcher& fetcher) const {
  // Containers first (they hold the tags), then first-party bundles, each URL once; then the
  // containers that decoded containers load, a few levels deep.
  struct Queued {
    std::string url;
    const Place* from;
    std::size_t depth;
  };
  std::vector<Queued> queue;
  auto enqueue = [&](const std::string& url, const Place* from, std::size_t depth) {
    if (url.empty()) return;
    for (const Queued& seen : queue) {
      if (seen.url == url) return;
    }
    if (queue.size() < options_.max_followed_scripts) {
      queue.push_back({url, from, depth});
      return;
    }
    for (const UnreadScript& seen : page.unread) {
      if (seen.url == url) return;
    }
    page.unread.push_back(
        {url, UnreadReason::kOverScriptLimit,
         fmt::format("more than {} scripts followed on one page", options_.max_followed_scripts)});
  };
  auto enqueue_found = [&](std::size_t first, std::size_t depth) {
    for (std::size_t i = first; i < page.candidates.size(); ++i) {
      const Candidate& c = page.candidates[i];
      const Signature& sig = signatures_.signatures()[c.signature];
      const Place* from = c.place < places.size() ? &places[c.place] : page.extra_place(c.place);
      if (c.sighting.commented || c.weak || from == nullptr) continue;
      bool container = from->kind == PlaceKind::kScriptSrc && is_decoded_container_url(from->value);
      if ((sig.follow || container) && from->kind == PlaceKind::kScriptSrc) {
        enqueue(from->value, from, depth);
      }
      enqueue(follow_url_for(sig.follow_url, c.sighting.tag_id), from, depth);
    }
  };
  enqueue_found(0, 0);
  for (const Place& place : places) {
    if (is_first_party_script(place, page.page_host)) enqueue(place.value, &place, 0);
  }
  for (std::size_t i = 0; i < queue.size(); ++i) {
    const Queued item = queue[i];
    page.followed.push_back(item.url);
    FetchedScript script = fetcher.fetch(item.url);
    if (!script.error.empty()) page.unread.push_back({item.url, script.problem, script.error});
    if (!script.error.empty() || script.body.empty()) continue;
    const std::size_t first = page.candidates.size();
    if (is_decoded_container_url(item.url) &&
        match_container(item.url, script.body, *item.from, page)) {
      if (item.depth + 1 < options_.max_container_depth) enqueue_found(first, item.depth + 1);
      continue;
    }
    Place body;
    body.kind = PlaceKind::kExternalJs;
    if (script.body.size() > options_.max_script_bytes) {
      page.unread.push_back(
          {item.url, UnreadReason::kTooLarge,
           fmt::format("{} bytes, over the limit of {}; matched the first {}", script.body.size(),
                       options_.max_script_bytes, options_.max_script_bytes)});
    }
    body.value = script.body.substr(0, options_.max_script_bytes);
    body.raw = item.url;
    body.consent_gated = item.from->consent_gated;
    body.via = item.url;
    body.line = item.from->line;
    match_place(body, page);
  }
}

namespace {

// Weak hits (an event call, a bare attribute) count only beside a strong hit of their vendor in
// the same state (live or commented).
void drop_lonely_weak(std::vector<Candidate>& candidates) {
  std::set<std::pair<std::string, bool>> strong;
  for (const Candidate& c : candidates) {
    if (!c.weak) strong.emplace(c.sighting.vendor, c.sighting.commented);
  }
  std::erase_if(candidates, [&](const Candidate& c) {
    return c.weak && !strong.count({c.sighting.vendor, c.sighting.commented});
  });
}

// A vendor with exactly one visible ID on the page lends it to its sightings without one, so the
// same account is one identity.
void share_single_id(std::vector<Candidate>& candidates) {
  std::map<std::pair<std::string, bool>, std::set<std::string>> ids;
  for (const Candidate& c : candidates) {
    if (!c.sighting.tag_id.empty()) {
      ids[{c.sighting.vendor, c.sighting.commented}].insert(c.sighting.tag_id);
    }
  }
  for (Candidate& c : candidates) {
    auto found = ids.find({c.sighting.vendor, c.sighting.commented});
    if (c.sighting.tag_id.empty() && found != ids.end() && found->second.size() == 1) {
      c.sighting.tag_id = *found->second.begin();
    }
  }
}

// A loader line without the ID ('gtm.js?id=' + i) beside the call that names it, in the same
// place, adds nothing: only the sighting with the ID is kept.
void drop_idless_beside_id(std::vector<Candidate>& candidates) {
  std::set<std::pair<std::size_t, std::size_t>> with_id;
  for (const Candidate& c : candidates) {
    if (!c.sighting.tag_id.empty()) with_id.emplace(c.signature, c.place);
  }
  std::erase_if(candidates, [&](const Candidate& c) {
    return c.sighting.tag_id.empty() && with_id.count({c.signature, c.place});
  });
}

// One sighting per signature, ID and place; the events and fields of merged hits are kept.
std::vector<Sighting> merge_same_place(std::vector<Candidate>& candidates) {
  std::vector<Sighting> out;
  std::map<std::tuple<std::size_t, std::string, std::size_t>, std::size_t> index;
  for (Candidate& c : candidates) {
    auto key = std::make_tuple(c.signature, c.sighting.tag_id, c.place);
    auto found = index.find(key);
    if (found == index.end()) {
      index.emplace(key, out.size());
      out.push_back(std::move(c.sighting));
      continue;
    }
    Sighting& kept = out[found->second];
    add_unique(kept.events, c.sighting.events);
    add_unique(kept.enhanced_match, c.sighting.enhanced_match);
  }
  return out;
}

}  // namespace

PageDetections Detector::detect(const std::vector<Place>& places, std::string_view page_url,
                                ScriptFetcher* fetcher) const {
  PageState page;
  page.page_url = std::string(page_url);
  page.page_host = url_host(page_url);
  for (const Place& place : places) {
    if (!match_place(place, page)) note_unknown(place, page);
  }
  if (fetcher != nullptr) follow_scripts(places, page, *fetcher);
  drop_lonely_weak(page.candidates);
  share_single_id(page.candidates);
  drop_idless_beside_id(page.candidates);
  PageDetections result;
  for (Sighting& s : merge_same_place(page.candidates)) {
    (s.commented ? result.commented : result.active).push_back(std::move(s));
  }
  result.unknown = std::move(page.unknown);
  result.followed = std::move(page.followed);
  result.unread = std::move(page.unread);
  return result;
}

}  // namespace tagdrift::detectors
