// Requests a page sent, matched against the real signature files: each vendor's beacon as a GET
// and as a POST yields its ID, events and enhanced-match field names; values never reach the
// evidence; third-party hosts no signature knows come back unknown with the script that sent them.
#include "detectors/network_match.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>

namespace tagdrift::detectors {
namespace {

const SignatureSet& embedded() {
  static const SignatureSet set;
  return set;
}

const std::string kHash = "7b3dfe6e9c0c5e8a41d2f1c3b5a79e0d4c6b8a2f1e3d5c7b9a0f2e4d6c8b1a3f";

NetworkRequest get(std::string url) {
  NetworkRequest request;
  request.url = std::move(url);
  request.page_url = "https://clinic.example/book/";
  request.initiator = "https://clinic.example/app.js";
  return request;
}

NetworkRequest post(std::string url, std::string body, std::string content_type) {
  NetworkRequest request = get(std::move(url));
  request.method = "POST";
  request.body = std::move(body);
  request.content_type = std::move(content_type);
  return request;
}

// The one vendor sighting of `request`.
Sighting beacon(const NetworkRequest& request) {
  PageDetections found = match_request(embedded(), request);
  INFO(request.method << " " << request.url << " " << request.body);
  REQUIRE(found.active.size() == 1);
  CHECK(found.unknown.empty());
  CHECK(found.active[0].place == PlaceKind::kNetwork);
  CHECK(found.active[0].page_url == request.page_url);
  CHECK(found.active[0].via == request.initiator);
  return found.active[0];
}

bool has(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

TEST_CASE("network match: every network example in the signature files behaves as written") {
  std::size_t examples = 0;
  for (const Signature& sig : embedded().signatures()) {
    for (const Example& example : sig.examples) {
      if (example.place != PlaceKind::kNetwork) continue;
      ++examples;
      NetworkRequest request = example.method.empty()
                                   ? get(example.text)
                                   : post(example.text, example.body, example.content_type);
      PageDetections found = match_request(embedded(), request);
      INFO(sig.file << ":" << example.line);
      if (!example.match) {
        CHECK(std::none_of(found.active.begin(), found.active.end(),
                           [&](const Sighting& s) { return s.signature_id == sig.id; }));
        continue;
      }
      REQUIRE(found.active.size() == 1);
      CHECK(found.active[0].signature_id == sig.id);
      if (example.id) CHECK(found.active[0].tag_id == *example.id);
      for (const std::string& event : example.events) CHECK(has(found.active[0].events, event));
      for (const std::string& field : example.enhanced_match) {
        CHECK(has(found.active[0].enhanced_match, field));
      }
    }
  }
  CHECK(examples >= 30);
}

TEST_CASE("network match: the vendors the issue names each have network patterns") {
  for (const char* vendor : {"pinterest", "meta", "google-analytics", "google-ads", "tiktok",
                             "linkedin", "snapchat", "reddit", "microsoft-ads", "twitter"}) {
    INFO(vendor);
    CHECK(
        std::any_of(embedded().signatures().begin(), embedded().signatures().end(),
                    [&](const Signature& s) { return s.vendor == vendor && !s.network.empty(); }));
  }
}

TEST_CASE("network match: Pinterest's v3 and user beacons, GET and POST") {
  Sighting v3 =
      beacon(get("https://ct.pinterest.com/v3/?event=lead&tid=2612345678901&pd[em]=" + kHash +
                 "&pd[ph]=" + kHash + "&noscript=1"));
  CHECK(v3.vendor == "pinterest");
  CHECK(v3.signature_id == "pinterest-tag");
  CHECK(v3.tag_id == "2612345678901");
  CHECK(v3.events == std::vector<std::string>{"lead"});
  CHECK(v3.enhanced_match == std::vector<std::string>{"em", "ph"});
  CHECK(v3.host == "ct.pinterest.com");

  Sighting user =
      beacon(post("https://ct.pinterest.com/user/", "tid=2612345678901&pd%5Bem%5D=" + kHash,
                  "application/x-www-form-urlencoded"));
  CHECK(user.tag_id == "2612345678901");
  CHECK(user.enhanced_match == std::vector<std::string>{"em"});
}

TEST_CASE("network match: Meta's pixel as an image GET and as a form POST") {
  Sighting image =
      beacon(get("https://www.facebook.com/tr?id=1252620708499072&ev=Purchase&ud[em]=" + kHash +
                 "&cd[value]=10"));
  CHECK(image.vendor == "meta");
  CHECK(image.tag_id == "1252620708499072");
  CHECK(image.events == std::vector<std::string>{"Purchase"});
  CHECK(image.enhanced_match == std::vector<std::string>{"em"});

  Sighting form = beacon(post("https://www.facebook.com/tr/",
                              "id=1252620708499072&ev=Lead&ud[ph]=" + kHash + "&ud[fn]=" + kHash,
                              "application/x-www-form-urlencoded"));
  CHECK(form.events == std::vector<std::string>{"Lead"});
  CHECK(form.enhanced_match == std::vector<std::string>{"ph", "fn"});
}

TEST_CASE("network match: GA4 reads one event from the query and a batch from the body lines") {
  Sighting one =
      beacon(get("https://www.google-analytics.com/g/collect?v=2&tid=g-abc1234567&en="
                 "page_view&cid=1.2"));
  CHECK(one.vendor == "google-analytics");
  CHECK(one.tag_id == "G-ABC1234567");  // canonical: upper-cased like the static sightings
  CHECK(one.events == std::vector<std::string>{"page_view"});

  Sighting batch =
      beacon(post("https://region1.google-analytics.com/g/collect?v=2&tid=G-ABC1234567&cid=1.2",
                  "en=page_view&_et=1\r\nen=scroll&epn.percent_scrolled=90\nen=generate_lead",
                  "text/plain;charset=UTF-8"));
  CHECK(batch.events == std::vector<std::string>{"page_view", "scroll", "generate_lead"});
}

TEST_CASE("network match: Google Ads takes the conversion ID from the path") {
  Sighting ads = beacon(
      get("https://googleads.g.doubleclick.net/pagead/viewthroughconversion/809204708/?label=x"));
  CHECK(ads.vendor == "google-ads");
  CHECK(ads.tag_id == "AW-809204708");
  CHECK(ads.evidence.find("/pagead/viewthroughconversion/809204708/") != std::string::npos);
}

TEST_CASE("network match: TikTok's JSON POST, single and batched") {
  Sighting one = beacon(post("https://analytics.tiktok.com/api/v2/pixel",
                             R"({"event":"CompletePayment","context":{"pixel":{"code":)"
                             R"("crf8i2bc77ud2ma14e3g"},"user":{"email":")" +
                                 kHash + R"("}},"properties":{"value":5}})",
                             "application/json"));
  CHECK(one.vendor == "tiktok");
  CHECK(one.tag_id == "CRF8I2BC77UD2MA14E3G");
  CHECK(one.events == std::vector<std::string>{"CompletePayment"});
  CHECK(one.enhanced_match == std::vector<std::string>{"email"});
  CHECK(one.evidence.find(kHash) == std::string::npos);
}

TEST_CASE("network match: LinkedIn, Snap, Reddit, UET and X beacons") {
  CHECK(beacon(get("https://px.ads.linkedin.com/collect/?pid=3110444&fmt=gif")).tag_id ==
        "3110444");
  Sighting snap =
      beacon(get("https://tr.snapchat.com/p?pid=0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b"
                 "&ev=PAGE_VIEW&u_hpn=" +
                 kHash));
  CHECK(snap.vendor == "snapchat");
  CHECK(snap.events == std::vector<std::string>{"PAGE_VIEW"});
  CHECK(snap.enhanced_match == std::vector<std::string>{"u_hpn"});
  Sighting reddit = beacon(get("https://alb.reddit.com/rp.gif?id=t2_abc123&event=PageVisit"));
  CHECK(reddit.tag_id == "t2_abc123");
  CHECK(reddit.events == std::vector<std::string>{"PageVisit"});
  Sighting uet = beacon(get("https://bat.bing.com/action/0?ti=56012345&evt=pageLoad"));
  CHECK(uet.vendor == "microsoft-ads");
  CHECK(uet.events == std::vector<std::string>{"pageLoad"});
  CHECK(beacon(get("https://analytics.twitter.com/i/adsct?txn_id=o1abc&p_id=Twitter")).vendor ==
        "twitter");
}

TEST_CASE("network match: evidence keeps the ID and events and redacts every other value") {
  Sighting s =
      beacon(get("https://www.facebook.com/tr/?id=1252620708499072&ev=Lead&dl=https%3A%2F%"
                 "2Fclinic.example%2Fivf%2F&ud[em]=" +
                 kHash + "&ud[ph]=15551234567"));
  CHECK(s.evidence ==
        "GET https://www.facebook.com/tr/?id=1252620708499072&ev=Lead&dl=*&ud[em]=*&ud[ph]=*");

  Sighting body = beacon(post("https://ct.pinterest.com/v3/",
                              "tid=2612345678901&event=signup&"
                              "pd[em]=jane%40clinic.example",
                              "application/x-www-form-urlencoded"));
  CHECK(body.evidence ==
        "POST https://ct.pinterest.com/v3/ body: tid=2612345678901&event=signup&pd[em]=*");
}

TEST_CASE("network match: a long hex account ID stays in the evidence, a hash in an event not") {
  Sighting amplitude = beacon(post("https://api2.amplitude.com/2/httpapi",
                                   R"({"api_key":"0123456789abcdef0123456789abcdef","events":[)"
                                   R"({"event_type":"lead )" +
                                       kHash + R"("}]})",
                                   "application/json"));
  CHECK(amplitude.evidence ==
        "POST https://api2.amplitude.com/2/httpapi body: "
        "api_key=0123456789abcdef0123456789abcdef&"
        "events.event_type=lead [redacted]");
  CHECK(amplitude.events == std::vector<std::string>{"lead [redacted]"});
}

TEST_CASE("network match: evidence of a long beacon is cut after a whole parameter") {
  std::string url = "https://www.google-analytics.com/g/collect?tid=G-ABC1234567&en=page_view";
  for (int i = 0; i < 200; ++i) url += "&ep.field_" + std::to_string(i) + "=value";
  Sighting s = beacon(get(url));
  CHECK(s.evidence.size() <= 512);
  CHECK(s.evidence.ends_with("\xE2\x80\xA6"));
  CHECK(s.evidence.find("=value") == std::string::npos);
  CHECK(s.evidence.find("tid=G-ABC1234567&en=page_view") != std::string::npos);
}

TEST_CASE("network match: an unknown third-party host is reported by host with its script") {
  PageDetections found =
      match_request(embedded(), get("https://collect.tracker-unknown.test/b?uid=abc&email=" +
                                    std::string("jane%40clinic.example")));
  REQUIRE(found.unknown.size() == 1);
  CHECK(found.active.empty());
  const Sighting& s = found.unknown[0];
  CHECK(s.vendor == "unknown");
  CHECK(s.category == "other");
  CHECK(identity_key(s) == "unknown:collect.tracker-unknown.test");
  CHECK(s.place == PlaceKind::kNetwork);
  CHECK(s.via == "https://clinic.example/app.js");
  CHECK(s.evidence == "GET https://collect.tracker-unknown.test/b?uid=*&email=*");
}

TEST_CASE("network match: first-party, known vendor and allowed hosts are not unknown") {
  for (const char* url :
       {"https://clinic.example/api/slots?day=1", "https://cdn.clinic.example/app.js",
        "https://connect.facebook.net/en_US/fbevents.js",
        "https://ct.pinterest.com/static/ct/token_create.js",
        "https://fonts.googleapis.com/css2?family=Inter", "data:image/png;base64,AAAA",
        "blob:https://clinic.example/1"}) {
    INFO(url);
    PageDetections found = match_request(embedded(), get(url));
    CHECK(found.active.empty());
    CHECK(found.unknown.empty());
  }
}

TEST_CASE("network match: an ID of another shape is not that vendor's beacon") {
  // A /g/collect hit whose tid is no GA4 ID is not Google Analytics; the host is Google's.
  PageDetections found = match_request(
      embedded(), get("https://www.google-analytics.com/g/collect?tid=AW-123456789&en=x"));
  CHECK(found.active.empty());
  CHECK(found.unknown.empty());
  // A placeholder ID is a beacon without a known ID.
  CHECK(beacon(get("https://www.facebook.com/tr?id=%7B%7Bpixel_id%7D%7D&ev=PageView"))
            .tag_id.empty());
}

TEST_CASE("network match: hostile requests are bounded and never crash") {
  std::string deep(100000, '[');
  CHECK(match_request(embedded(), post("https://analytics.tiktok.com/api/v2/pixel", deep,
                                       "application/json"))
            .active.size() == 1);  // the beacon is still the vendor's, with no ID
  std::string many = "id=1252620708499072&ev=PageView";
  for (int i = 0; i < 100000; ++i) many += "&ev=e" + std::to_string(i);
  Sighting s = beacon(post("https://www.facebook.com/tr/", many, ""));
  CHECK(s.events.size() <= 64);
  CHECK(s.tag_id == "1252620708499072");
  for (const char* garbage :
       {"", "http://", "https://", "https://[::1", "https://ct.pinterest.com/v3/?%%%&&==&=",
        "https://ct.pinterest.com/v3/?tid=%ZZ%2", "\x01\x02https://a.test/"}) {
    INFO(garbage);
    match_request(embedded(), post(garbage, "\xff\xfe{\"a\":", "application/json"));
  }
  std::string long_event =
      "https://www.facebook.com/tr?id=1252620708499072&ev=" + std::string(10000, 'x');
  CHECK(beacon(get(long_event)).events.at(0).size() <= 100);
}

}  // namespace
}  // namespace tagdrift::detectors
