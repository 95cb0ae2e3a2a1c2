#include "detectors/network_match.h"

#include <algorithm>
#include <optional>

#include "detectors/canonical_id.h"
#include "detectors/detector_url.h"
#include "detectors/match_evidence.h"
#include "detectors/network_evidence.h"
#include "detectors/network_patterns.h"
#include "util/ascii.h"
#include "util/curl_url.h"
#include "util/domain.h"

namespace tagdrift::detectors {
namespace {

constexpr std::size_t kMaxNames = 64;        // events or fields kept of one request
constexpr std::size_t kMaxEventBytes = 100;  // of one event name

struct RequestUrl {
  std::string base;  // "https://host[:port]"
  std::string host;  // lower case
  std::string path;
  std::string query;
};

std::optional<RequestUrl> parse_request_url(const std::string& url) {
  const CurlUrl handle = parse_curl_url(url);
  if (!handle) return std::nullopt;
  const std::string scheme = ascii_lowercase(url_part_text(handle.get(), CURLUPART_SCHEME));
  RequestUrl out;
  out.host = ascii_lowercase(url_part_text(handle.get(), CURLUPART_HOST));
  if ((scheme != "http" && scheme != "https") || out.host.empty()) return std::nullopt;
  const std::string port = url_part_text(handle.get(), CURLUPART_PORT);
  out.base = scheme + "://" + out.host + (port.empty() ? "" : ":" + port);
  out.path = url_part_text(handle.get(), CURLUPART_PATH);
  out.query = url_part_text(handle.get(), CURLUPART_QUERY);
  return out;
}

void add_name(std::vector<std::string>& names, std::string name) {
  if (!name.empty() && names.size() < kMaxNames &&
      std::find(names.begin(), names.end(), name) == names.end()) {
    names.push_back(std::move(name));
  }
}

// The hit's tag ID: "" when none is visible, nothing when a literal ID of another shape says the
// beacon is another product's.
std::optional<std::string> request_id(const NetworkHit& hit,
                                      const std::vector<RequestParam>& params,
                                      const IdRules& rules) {
  std::optional<std::string> captured;
  if (hit.has_path_id) captured = hit.path_id;
  for (const std::string& name : hit.pattern->id_params) {
    if (captured) break;
    auto param = std::find_if(params.begin(), params.end(),
                              [&](const RequestParam& p) { return p.name == name; });
    if (param != params.end()) captured = param->value;
  }
  if (!captured) return std::string();
  CanonicalId id = canonical_id(*captured, rules);
  if (id.status == IdStatus::kForeign) return std::nullopt;
  return id.id;
}

std::vector<std::string> request_events(const NetworkPattern& pattern,
                                        const std::vector<RequestParam>& params) {
  std::vector<std::string> events;
  for (const RequestParam& param : params) {
    if (std::find(pattern.event_params.begin(), pattern.event_params.end(), param.name) ==
        pattern.event_params.end()) {
      continue;
    }
    // An event name is shown as sent, but a hash or an address pasted into one is not.
    std::string name = redact_values(param.value.substr(0, kMaxEventBytes));
    name.erase(0, name.find_first_not_of(" \t\r\n"));
    name.erase(name.find_last_not_of(" \t\r\n") + 1);
    add_name(events, std::move(name));
  }
  return events;
}

Sighting network_sighting(const NetworkRequest& request, const RequestUrl& url) {
  Sighting s;
  s.place = PlaceKind::kNetwork;
  s.page_url = request.page_url;
  s.via = request.initiator;
  s.host = url.host;
  return s;
}

std::optional<Sighting> vendor_sighting(const SignatureSet& set, const NetworkRequest& request,
                                        const RequestUrl& url,
                                        const std::vector<RequestParam>& params) {
  for (const NetworkHit& hit : set.network().find(url.host, url.path)) {
    std::optional<std::string> tag_id =
        request_id(hit, params, set.matcher().id_rules(hit.signature));
    if (!tag_id) continue;
    const Signature& sig = set.signatures()[hit.signature];
    Sighting s = network_sighting(request, url);
    s.signature_id = sig.id;
    s.vendor = sig.vendor;
    s.product = sig.product;
    s.category = category_name(sig.category);
    s.tag_id = *tag_id;
    s.events = request_events(*hit.pattern, params);
    for (const RequestParam& param : params) {
      add_name(s.enhanced_match, set.network().enhanced_match_field(hit, param.name));
    }
    KeptParams kept{hit.pattern->id_params, hit.pattern->event_params};
    s.evidence = network_evidence(request.method, url.base, url.path, url.query, hit.has_path_id,
                                  params, kept);
    return s;
  }
  return std::nullopt;
}

}  // namespace

PageDetections match_request(const SignatureSet& signatures, const NetworkRequest& request,
                             const RequestLimits& limits) {
  PageDetections found;
  std::optional<RequestUrl> url = parse_request_url(request.url);
  if (!url) return found;
  std::vector<RequestParam> params;
  append_form_params(url->query, ParamSource::kQuery, limits, params);
  if (!request.body.empty()) append_body_params(request.body, request.content_type, limits, params);
  if (auto sighting = vendor_sighting(signatures, request, *url, params)) {
    found.active.push_back(std::move(*sighting));
    return found;
  }
  std::string page_host = url_host(request.page_url);
  if (same_site(url->host, page_host) || signatures.network().known_host(request.url, url->host)) {
    return found;
  }
  Sighting s = network_sighting(request, *url);
  s.vendor = "unknown";
  s.category = category_name(Category::kOther);
  s.evidence =
      network_evidence(request.method, url->base, url->path, url->query, false, params, {});
  found.unknown.push_back(std::move(s));
  return found;
}

}  // namespace tagdrift::detectors
