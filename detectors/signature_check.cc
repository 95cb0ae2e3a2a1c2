#include "detectors/signature_check.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "detectors/detector.h"
#include "detectors/network_match.h"

namespace tagdrift::detectors {
namespace {

constexpr const char* kExamplePage = "https://example.test/";
constexpr const char* kExampleContainer = "https://www.googletagmanager.com/gtm.js?id=GTM-EXAMPLE";

// Serves one container whose only tag, fired on every page, is the example's.
class ExampleContainer : public ScriptFetcher {
 public:
  explicit ExampleContainer(const Example& example) {
    body_ =
        "var data = {\"resource\": {\"version\": \"1\", \"macros\": [{\"function\": \"__e\"}], "
        "\"tags\": [" +
        example.text +
        "], \"predicates\": [{\"function\": \"_eq\", "
        "\"arg0\": [\"macro\", 0], \"arg1\": \"gtm.js\"}], \"rules\": [[[\"if\", 0], "
        "[\"add\", 0]]]}";
    if (!example.permissions.empty()) {
      nlohmann::json tag = nlohmann::json::parse(example.text, nullptr, false);
      std::string name = tag.is_object() && tag.contains("function") && tag["function"].is_string()
                             ? tag["function"].get<std::string>()
                             : "";
      body_ += ", \"permissions\": {\"" + name + "\": " + example.permissions + "}";
    }
    body_ += "};";
  }
  FetchedScript fetch(const std::string& url) override {
    if (url == kExampleContainer) return {url, body_, ""};
    return {url, "", "not the example's container"};
  }

 private:
  std::string body_;
};

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "'" : ", '") + item + "'";
  return out.empty() ? "nothing" : out;
}

bool contains_all(const std::vector<std::string>& have, const std::vector<std::string>& want) {
  return std::all_of(want.begin(), want.end(), [&](const std::string& item) {
    return std::find(have.begin(), have.end(), item) != have.end();
  });
}

// What the example's page yields: a one-place page through the detector, or for place "network"
// one request through match_request.
PageDetections example_detections(const Detector& detector, const SignatureSet& set,
                                  const Example& example) {
  if (example.place == PlaceKind::kNetwork) {
    NetworkRequest request;
    request.url = example.text;
    if (!example.method.empty()) request.method = example.method;
    request.body = example.body;
    request.content_type = example.content_type;
    request.page_url = kExamplePage;
    return match_request(set, request);
  }
  Place place;
  place.kind = example.place;
  place.value = example.text;
  place.raw = example.text;
  ExampleContainer container(example);
  if (example.container_tag) {
    place.kind = PlaceKind::kScriptSrc;
    place.value = place.raw = kExampleContainer;
  }
  return detector.detect({place}, kExamplePage, example.container_tag ? &container : nullptr);
}

// What went wrong with one example, or "" when it behaves as written.
std::string example_failure(const Detector& detector, const SignatureSet& set, const Signature& sig,
                            const Example& example) {
  PageDetections found = example_detections(detector, set, example);
  for (const UnreadScript& unread : found.unread) {
    if (unread.reason == UnreadReason::kUndecoded) {
      return "container example does not decode: " + unread.url + ": " + unread.detail;
    }
  }
  std::vector<std::string> ids, events, fields;
  for (const Sighting& s : found.active) {
    if (s.signature_id != sig.id) continue;
    ids.push_back(s.tag_id);
    events.insert(events.end(), s.events.begin(), s.events.end());
    fields.insert(fields.end(), s.enhanced_match.begin(), s.enhanced_match.end());
  }
  if (!example.match) return ids.empty() ? "" : "negative example matched, IDs " + joined(ids);
  if (ids.empty()) return "positive example did not match";
  if (example.id && std::find(ids.begin(), ids.end(), *example.id) == ids.end()) {
    return "expected ID '" + *example.id + "', found " + joined(ids);
  }
  if (!contains_all(events, example.events)) {
    return "expected events " + joined(example.events) + ", found " + joined(events);
  }
  if (!contains_all(fields, example.enhanced_match)) {
    return "expected enhanced-match fields " + joined(example.enhanced_match) + ", found " +
           joined(fields);
  }
  return "";
}

}  // namespace

std::vector<std::string> check_examples(const SignatureSet& set) {
  DetectorOptions options;
  options.report_unknown = false;
  Detector detector(set, options);
  std::vector<std::string> failures;
  for (const Signature& sig : set.signatures()) {
    for (const Example& example : sig.examples) {
      std::string failure = example_failure(detector, set, sig, example);
      if (failure.empty()) continue;
      failures.push_back(sig.file + ":" + std::to_string(example.line) + ": signature '" + sig.id +
                         "': example (" +
                         (example.container_tag ? "gtm-tag" : place_kind_name(example.place)) +
                         "): " + failure);
    }
  }
  return failures;
}

std::vector<std::string> check_signatures(const std::string& dir) {
  std::vector<SignatureSource> sources = embedded_signature_sources();
  if (!dir.empty()) {
    std::vector<SignatureSource> more = directory_signature_sources(dir);
    sources.insert(sources.end(), more.begin(), more.end());
  }
  std::vector<std::string> failures;
  SignatureSet set(std::move(sources), kDefaultRegexMemory, failures);
  std::vector<std::string> examples = check_examples(set);
  failures.insert(failures.end(), examples.begin(), examples.end());
  return failures;
}

}  // namespace tagdrift::detectors
