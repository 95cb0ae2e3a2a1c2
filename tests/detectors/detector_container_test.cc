// The detector reading fetched GTM containers and Google tags (detectors/detector_container.cc):
// decoded tags with where they come from, Custom HTML as places, nested containers, linked
// destinations, and the text fallback.
#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "detectors/detector.h"
#include "tests/support/temp_dir.h"

namespace tagdrift::detectors {
namespace {

constexpr const char* kPage = "https://www.clinic.test/";
constexpr const char* kOuter = "https://www.googletagmanager.com/gtm.js?id=GTM-OUTER1";

std::string container_url(const std::string& id) {
  return "https://www.googletagmanager.com/gtm.js?id=" + id;
}

// A served gtm.js whose tags all fire on every page; `runtime` is the code after the data.
std::string container(const std::string& macros, const std::string& tags,
                      const std::string& runtime = "") {
  std::string adds;
  int count = 0;
  for (std::size_t at = tags.find("\"tag_id\""); at != std::string::npos;
       at = tags.find("\"tag_id\"", at + 1)) {
    adds += "," + std::to_string(count++);
  }
  return "var data = {\"resource\": {\"version\": \"12\", \"macros\": " + macros +
         ", \"tags\": " + tags +
         ", \"predicates\": [{\"function\": \"_eq\", \"arg0\": [\"macro\", 0], \"arg1\": "
         "\"gtm.js\"}], \"rules\": [[[\"if\", 0], [\"add\"" +
         adds + "]]]}};\n" + runtime;
}

class Fetcher : public ScriptFetcher {
 public:
  std::map<std::string, std::string> scripts;
  std::vector<std::string> asked;
  FetchedScript fetch(const std::string& url) override {
    asked.push_back(url);
    auto found = scripts.find(url);
    if (found == scripts.end()) return {url, "", "404"};
    return {url, found->second, ""};
  }
};

PageDetections detect(Fetcher& fetcher, const std::string& url = kOuter) {
  static const SignatureSet set;
  Detector detector(set);
  Place loader;
  loader.kind = PlaceKind::kScriptSrc;
  loader.value = url;
  loader.line = 4;
  return detector.detect({loader}, kPage, &fetcher);
}

std::vector<const Sighting*> of_vendor(const PageDetections& found, const std::string& vendor) {
  std::vector<const Sighting*> out;
  for (const Sighting& s : found.active) {
    if (s.vendor == vendor) out.push_back(&s);
  }
  return out;
}
// The pointers point into `found`, so it must outlive them.
std::vector<const Sighting*> of_vendor(PageDetections&& found, const std::string& vendor) = delete;

TEST_CASE("detector container: a tag says which container, tag, rule and variable it came from") {
  Fetcher fetcher;
  fetcher.scripts[kOuter] =
      container(R"([{"function":"__e"},{"function":"__c","vtp_value":"1341164"}])",
                R"([{"function":"__bzi","vtp_id":["macro",1],"tag_id":33}])");
  PageDetections found = detect(fetcher);
  CHECK(found.unread.empty());
  auto linkedin = of_vendor(found, "linkedin");
  REQUIRE(linkedin.size() == 1);
  const Sighting& s = *linkedin[0];
  CHECK(s.tag_id == "1341164");
  CHECK(s.via == kOuter);
  CHECK(s.line == 4);
  CHECK(s.container.container_id == "GTM-OUTER1");
  CHECK(s.container.version == "12");
  CHECK(s.container.tag_id == 33);
  CHECK(s.container.template_name == "__bzi");
  CHECK(s.container.firing == "All Pages");
  CHECK(s.container.resolved == "constant (macro 1)");
}

TEST_CASE("detector container: an ID only known at run time is a tag with no ID visible") {
  Fetcher fetcher;
  fetcher.scripts[kOuter] = container(R"([{"function":"__e"},{"function":"__v","vtp_name":"li"}])",
                                      R"([{"function":"__bzi","vtp_id":["macro",1],"tag_id":3}])");
  const PageDetections found = detect(fetcher);
  auto linkedin = of_vendor(found, "linkedin");
  REQUIRE(linkedin.size() == 1);
  CHECK(linkedin[0]->tag_id.empty());
  CHECK(linkedin[0]->container.resolved == "no ID visible");
}

TEST_CASE("detector container: the runtime's vendor code and paused tags are no tags") {
  Fetcher fetcher;
  fetcher.scripts[kOuter] =
      container(R"([{"function":"__e"}])",
                R"([{"function":"__paused","vtp_originalTagType":"html","tag_id":4},
          {"function":"__gclidw","tag_id":5}])",
                "var productSettings = {\"AW-350309195\":{}};\n"
                "fbq(\"init\",\"1403287593103673\");"
                "var u=\"https://snap.licdn.com/li.lms-analytics/insight.min.js\";");
  PageDetections found = detect(fetcher);
  CHECK(found.unread.empty());
  for (const Sighting& s : found.active) CHECK(s.vendor == "google-tag-manager");
}

TEST_CASE("detector container: Custom HTML, minified, and Custom Image tags are read as places") {
  Fetcher fetcher;
  fetcher.scripts[kOuter] = container(
      R"([{"function":"__e"}])",
      R"([{"function":"__html","vtp_html":"<script type=\"text/gtmscript\">!function(a,b){var e=\"00140661cb148ce47a221353ba532dbb0b\";if(a.obApi)b=1;else{var c=a.obApi=function(){};a=b.createElement(\"script\");a.src=\"//amplify.outbrain.com/cp/obtp.js\"}}(window,document);</script>","tag_id":38},
          {"function":"__html","vtp_html":"<script type=\"text/gtmscript\" async data-gtmsrc=\"//js.hs-scripts.com/21748317.js\"></script>","tag_id":120},
          {"function":"__img","vtp_url":"https://analytics.twitter.com/i/adsct?txn_id=nu9g2&p_id=Twitter","tag_id":23}])");
  PageDetections found = detect(fetcher);
  auto outbrain = of_vendor(found, "outbrain");
  REQUIRE(outbrain.size() == 1);
  CHECK(outbrain[0]->tag_id == "00140661cb148ce47a221353ba532dbb0b");
  CHECK(outbrain[0]->container.tag_id == 38);
  CHECK(outbrain[0]->container.template_name == "__html");
  CHECK(outbrain[0]->via == kOuter);
  auto hubspot = of_vendor(found, "hubspot");
  REQUIRE(hubspot.size() == 1);
  CHECK(hubspot[0]->tag_id == "21748317");
  auto twitter = of_vendor(found, "twitter");
  REQUIRE(twitter.size() == 1);
  CHECK(twitter[0]->tag_id == "nu9g2");
  CHECK(twitter[0]->place == PlaceKind::kImg);
}

TEST_CASE("detector container: a container loaded by a container is followed, to a depth") {
  Fetcher fetcher;
  // Each container loads the next one from a Custom HTML tag and holds a LinkedIn tag.
  for (int level = 1; level <= 5; ++level) {
    std::string next = container_url("GTM-LEVEL" + std::to_string(level + 1));
    fetcher.scripts[container_url("GTM-LEVEL" + std::to_string(level))] =
        container(R"([{"function":"__e"}])",
                  R"([{"function":"__html","vtp_html":"<script src=\")" + next +
                      R"(\"></script>","tag_id":1},{"function":"__bzi","vtp_id":")" +
                      std::to_string(100000 + level) + R"(","tag_id":2}])");
  }
  PageDetections found = detect(fetcher, container_url("GTM-LEVEL1"));
  std::vector<std::string> ids;
  for (const Sighting* s : of_vendor(found, "linkedin")) ids.push_back(s->tag_id);
  std::sort(ids.begin(), ids.end());
  CHECK(ids == std::vector<std::string>{"100001", "100002", "100003"});
  CHECK(fetcher.asked.size() == 3);
}

TEST_CASE("detector container: a container that does not decode is matched as text, and said so") {
  Fetcher fetcher;
  fetcher.scripts[kOuter] =
      "var data = {\"resource\": {\"tags\": [{\"function\":\"__html\"";  // cut short
  fetcher.scripts[kOuter] += "}]\nfbq('init', '1403287593103673');";
  PageDetections found = detect(fetcher);
  REQUIRE(found.unread.size() == 1);
  CHECK(found.unread[0].url == kOuter);
  CHECK(found.unread[0].reason == tagdrift::detectors::UnreadReason::kUndecoded);
  CHECK(found.unread[0].detail.starts_with("container resource"));
  auto meta = of_vendor(found, "meta");
  REQUIRE(meta.size() == 1);
  CHECK(meta[0]->tag_id == "1403287593103673");
  CHECK(meta[0]->container.tag_id == -1);
}

TEST_CASE("detector container: one detector decodes a container again when its body changed") {
  static const SignatureSet set;
  Detector detector(set);
  Place loader;
  loader.kind = PlaceKind::kScriptSrc;
  loader.value = kOuter;
  auto linkedin_ids = [&](const std::string& id) {
    Fetcher fetcher;
    fetcher.scripts[kOuter] = container(
        R"([{"function":"__e"}])", R"([{"function":"__bzi","vtp_id":")" + id + R"(","tag_id":1}])");
    std::vector<std::string> ids;
    const PageDetections found = detector.detect({loader}, kPage, &fetcher);
    for (const Sighting* s : of_vendor(found, "linkedin")) {
      ids.push_back(s->tag_id);
    }
    return ids;
  };
  CHECK(linkedin_ids("1341164") == std::vector<std::string>{"1341164"});
  CHECK(linkedin_ids("1341164") == std::vector<std::string>{"1341164"});
  CHECK(linkedin_ids("2666372") == std::vector<std::string>{"2666372"});
}

constexpr const char* kGoogleTag = "https://www.googletagmanager.com/gtag/js?id=G-LINKED1";

std::set<std::string> ids_of(const PageDetections& found, const std::string& signature) {
  std::set<std::string> ids;
  for (const Sighting& s : found.active) {
    if (s.signature_id == signature) ids.insert(s.tag_id);
  }
  return ids;
}

TEST_CASE("detector container: a Google tag's linked destinations are tags of their products") {
  Fetcher fetcher;
  fetcher.scripts[kGoogleTag] =
      testing::read_file(std::string(TAGDRIFT_FIXTURES_DIR) + "/gtag/G-LINKED1.js");
  const PageDetections found = detect(fetcher, kGoogleTag);
  CHECK(found.unread.empty());
  CHECK(fetcher.asked == std::vector<std::string>{kGoogleTag});
  // Its own Analytics ID, the Ads account it sends conversions to, the linked Floodlight
  // advertiser; not the Ads ID of a tag no rule fires (AW-111111111), nor the IDs in Google's
  // runtime code after the resource (AW-999999999, 888888888, DC-7777777, G-RUNTIME99).
  CHECK(ids_of(found, "google-analytics-gtag") == std::set<std::string>{"G-LINKED1"});
  CHECK(ids_of(found, "google-ads") == std::set<std::string>{"AW-620935990"});
  CHECK(ids_of(found, "google-floodlight") == std::set<std::string>{"DC-8765432"});
  for (const Sighting& s : found.active) {
    INFO(s.vendor << " " << s.tag_id);
    CHECK((s.vendor == "google-analytics" || s.vendor == "google-ads"));
  }
  for (const Sighting* s : of_vendor(found, "google-ads")) {
    if (s->signature_id != "google-floodlight") continue;
    CHECK(s->product == "Floodlight (Campaign Manager 360)");
    CHECK(s->via == kGoogleTag);
    CHECK(s->container.container_id == "G-LINKED1");
    CHECK(s->container.template_name == "__zone");
    CHECK(s->container.firing == "All Pages");
  }
}

TEST_CASE("detector container: a Google tag that does not decode is matched as text, said so") {
  Fetcher fetcher;
  fetcher.scripts[kGoogleTag] = "var data = {\"resource\": {\"tags\": [{\"function\":\"__gct\"";
  const PageDetections found = detect(fetcher, kGoogleTag);
  REQUIRE(found.unread.size() == 1);
  CHECK(found.unread[0].url == kGoogleTag);
  CHECK(found.unread[0].reason == tagdrift::detectors::UnreadReason::kUndecoded);
  CHECK(found.unread[0].detail.starts_with("container resource"));
  CHECK(ids_of(found, "google-analytics-gtag") == std::set<std::string>{"G-LINKED1"});
}

}  // namespace
}  // namespace tagdrift::detectors
