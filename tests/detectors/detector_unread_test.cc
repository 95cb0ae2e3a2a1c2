// The detector says which scripts a page loads that it could not analyse in full, and why
// (detectors/unread_script.h): fetched with an error, too large, not JavaScript, past the scripts
// followed per page. A script it read is never listed.
#include <catch2/catch.hpp>
#include <map>
#include <string>
#include <vector>

#include "detectors/detector.h"

namespace tagdrift::detectors {
namespace {

constexpr const char* kPage = "https://www.clinic.test/";

class Fetcher : public ScriptFetcher {
 public:
  std::map<std::string, FetchedScript> answers;
  FetchedScript fetch(const std::string& url) override {
    auto found = answers.find(url);
    if (found == answers.end()) return {url, "", "HTTP 404", UnreadReason::kFetchFailed};
    return found->second;
  }
};

Place script_src(const std::string& url) {
  Place place;
  place.kind = PlaceKind::kScriptSrc;
  place.value = place.raw = url;
  place.line = 3;
  return place;
}

std::string bundle(const std::string& name) { return std::string(kPage) + "js/" + name; }

const SignatureSet& signatures() {
  static const SignatureSet set;
  return set;
}

TEST_CASE("detector unread: a failed fetch is listed with the fetcher's reason") {
  Fetcher fetcher;
  fetcher.answers[bundle("big.js")] = {bundle("big.js"), "", "6291456 bytes, over the limit of 4",
                                       UnreadReason::kTooLarge};
  fetcher.answers[bundle("page.js")] = {bundle("page.js"), "", "served as text/html",
                                        UnreadReason::kNotJavaScript};
  fetcher.answers[bundle("ok.js")] = {bundle("ok.js"), "fbq('init', '1403287593103673');", ""};
  Detector detector(signatures());
  PageDetections found =
      detector.detect({script_src(bundle("big.js")), script_src(bundle("page.js")),
                       script_src(bundle("gone.js")), script_src(bundle("ok.js"))},
                      kPage, &fetcher);
  REQUIRE(found.unread.size() == 3);
  CHECK(found.unread[0].url == bundle("big.js"));
  CHECK(found.unread[0].reason == UnreadReason::kTooLarge);
  CHECK(found.unread[0].detail == "6291456 bytes, over the limit of 4");
  CHECK(found.unread[1].reason == UnreadReason::kNotJavaScript);
  CHECK(found.unread[2].url == bundle("gone.js"));
  CHECK(found.unread[2].reason == UnreadReason::kFetchFailed);
  CHECK(found.unread[2].detail == "HTTP 404");
  REQUIRE(found.active.size() == 1);
  CHECK(found.active[0].tag_id == "1403287593103673");
}

TEST_CASE("detector unread: a body over the matching limit is matched in part and listed") {
  Fetcher fetcher;
  const std::string body = "fbq('init', '1403287593103673');" + std::string(100, ' ') +
                           "pintrk('load', '2612345678901');";
  fetcher.answers[bundle("app.js")] = {bundle("app.js"), body, ""};
  DetectorOptions options;
  options.max_script_bytes = 64;
  Detector detector(signatures(), options);
  PageDetections found = detector.detect({script_src(bundle("app.js"))}, kPage, &fetcher);
  REQUIRE(found.unread.size() == 1);
  CHECK(found.unread[0].reason == UnreadReason::kTooLarge);
  CHECK(found.unread[0].detail ==
        std::to_string(body.size()) + " bytes, over the limit of 64; matched the first 64");
  REQUIRE(found.active.size() == 1);
  CHECK(found.active[0].vendor == "meta");
}

TEST_CASE("detector unread: scripts past the per-page limit are listed once each") {
  Fetcher fetcher;
  std::vector<Place> places;
  for (int i = 0; i < 5; ++i) {
    std::string url = bundle(std::to_string(i) + ".js");
    fetcher.answers[url] = {url, "var a = 1;", ""};
    places.push_back(script_src(url));
  }
  places.push_back(script_src(bundle("4.js")));  // loaded twice, listed once
  DetectorOptions options;
  options.max_followed_scripts = 3;
  Detector detector(signatures(), options);
  PageDetections found = detector.detect(places, kPage, &fetcher);
  CHECK(found.followed.size() == 3);
  REQUIRE(found.unread.size() == 2);
  CHECK(found.unread[0].url == bundle("3.js"));
  CHECK(found.unread[1].url == bundle("4.js"));
  CHECK(found.unread[0].reason == UnreadReason::kOverScriptLimit);
  CHECK(found.unread[0].detail == "more than 3 scripts followed on one page");
}

TEST_CASE("detector unread: reason names are the report's words") {
  CHECK(std::string(unread_reason_name(UnreadReason::kTooLarge)) == "too-large");
  CHECK(std::string(unread_reason_name(UnreadReason::kFetchFailed)) == "fetch-failed");
  CHECK(std::string(unread_reason_name(UnreadReason::kNotJavaScript)) == "not-javascript");
  CHECK(std::string(unread_reason_name(UnreadReason::kOverScriptLimit)) == "over-script-limit");
  CHECK(std::string(unread_reason_name(UnreadReason::kUndecoded)) == "undecoded");
}

}  // namespace
}  // namespace tagdrift::detectors
