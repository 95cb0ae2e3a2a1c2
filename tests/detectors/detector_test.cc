// Detection on hand-built places with the real signature files (detectors/detector.cc).
#include "detectors/detector.h"

#include <catch2/catch.hpp>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace tagdrift::detectors {
namespace {

constexpr const char* kPage = "https://www.smile-dental.test/contact/";

Place place(PlaceKind kind, std::string value, unsigned line = 1) {
  Place p;
  p.kind = kind;
  p.value = std::move(value);
  p.line = line;
  return p;
}

const SignatureSet& signatures() {
  static const SignatureSet set;
  return set;
}

// Serves scripts from memory and records what was asked.
class FakeFetcher : public ScriptFetcher {
 public:
  std::map<std::string, std::string> scripts;
  std::vector<std::string> asked;
  FetchedScript fetch(const std::string& url) override {
    std::lock_guard<std::mutex> lock(mutex_);
    asked.push_back(url);
    auto found = scripts.find(url);
    if (found == scripts.end()) return {url, "", "404"};
    return {url, found->second, ""};
  }

 private:
  std::mutex mutex_;
};

bool mentions(const Sighting& s, const std::string& text) {
  std::vector<std::string> fields = {s.signature_id, s.vendor, s.product, s.category, s.tag_id,
                                     s.page_url,     s.via,    s.host,    s.evidence};
  fields.insert(fields.end(), s.events.begin(), s.events.end());
  fields.insert(fields.end(), s.enhanced_match.begin(), s.enhanced_match.end());
  for (const std::string& field : fields) {
    if (field.find(text) != std::string::npos) return true;
  }
  return false;
}

TEST_CASE("detector: events and enhanced-match field names, never the hashed values") {
  const std::string hash = "7b52009b64fd0a2a49e6d8a939753077792b0554e45b7e9d4f1b8e0e9ad0c3f1";
  Detector detector(signatures());
  std::vector<Place> places = {
      place(PlaceKind::kScriptInline, "fbq('init', '236244464038933', {em: '" + hash + "', ph: '" +
                                          hash +
                                          "'});\nfbq('track', 'PageView');\nfbq('track', 'Lead');"),
      place(PlaceKind::kNoscriptImg,
            "https://ct.pinterest.com/v3/?event=init&tid=2613750158237&pd[em]=" + hash +
                "&noscript=1"),
      place(PlaceKind::kScriptInline,
            "pintrk('load', '2613750158237', {em: '" + hash + "'}); pintrk('track', 'lead');")};
  PageDetections found = detector.detect(places, kPage, nullptr);
  REQUIRE(found.active.size() == 3);
  const Sighting& meta = found.active[0];
  CHECK(meta.vendor == "meta");
  CHECK(meta.tag_id == "236244464038933");
  CHECK(meta.events == std::vector<std::string>{"PageView", "Lead"});
  CHECK(meta.enhanced_match == std::vector<std::string>{"em", "ph"});
  CHECK(found.active[1].enhanced_match == std::vector<std::string>{"em"});
  CHECK(found.active[2].events == std::vector<std::string>{"lead"});
  for (const Sighting& s : found.active) {
    INFO(s.evidence);
    CHECK_FALSE(mentions(s, hash));
    CHECK_FALSE(mentions(s, hash.substr(0, 16)));
  }
}

TEST_CASE("detector: commented places are reported apart, never as active") {
  Detector detector(signatures());
  Place hotjar = place(PlaceKind::kScriptInline, "h._hjSettings={hjid:1354868,hjsv:6};");
  hotjar.commented = true;
  PageDetections found = detector.detect({hotjar}, kPage, nullptr);
  CHECK(found.active.empty());
  REQUIRE(found.commented.size() == 1);
  CHECK(found.commented[0].vendor == "hotjar");
  CHECK(found.commented[0].tag_id == "1354868");
  CHECK(found.commented[0].commented);
}

TEST_CASE("detector: an event call alone is no tag; beside its loader it joins the account") {
  Detector detector(signatures());
  Place track = place(PlaceKind::kScriptInline, "fbq('track', 'Purchase');", 40);
  CHECK(detector.detect({track}, kPage, nullptr).active.empty());
  Place init = place(PlaceKind::kScriptInline, "fbq('init', '421983870008205');", 10);
  PageDetections found = detector.detect({init, track}, kPage, nullptr);
  REQUIRE(found.active.size() == 2);
  CHECK(found.active[1].tag_id == "421983870008205");
  CHECK(found.active[1].events == std::vector<std::string>{"Purchase"});
  CHECK(found.active[1].line == 40);
}

TEST_CASE("detector: a placeholder ID means the tag is there with no known ID") {
  Detector detector(signatures());
  PageDetections found = detector.detect(
      {place(PlaceKind::kScriptInline, "fbq('init', '{{ fb_pixel_id }}');"),
       place(PlaceKind::kNoscriptIframe, "https://www.googletagmanager.com/ns.html?id=GTM-XXXX")},
      kPage, nullptr);
  REQUIRE(found.active.size() == 2);
  CHECK(found.active[0].vendor == "meta");
  CHECK(found.active[0].tag_id.empty());
  CHECK(identity_key(found.active[0]) == "meta:connect.facebook.net");
  CHECK(found.active[1].vendor == "google-tag-manager");
  CHECK(found.active[1].tag_id.empty());
}

TEST_CASE("detector: the same Google Ads account has one ID from every source") {
  Detector detector(signatures());
  PageDetections found = detector.detect(
      {place(PlaceKind::kScriptInline, "var google_conversion_id = 809204708;"),
       place(PlaceKind::kScriptSrc, "https://www.googletagmanager.com/gtag/js?id=AW-809204708"),
       place(PlaceKind::kNoscriptImg,
             "https://googleads.g.doubleclick.net/pagead/viewthroughconversion/809204708/"),
       place(PlaceKind::kScriptInline,
             "gtag('event', 'conversion', {'send_to': 'AW-809204708/d9U1CL7Flo'});")},
      kPage, nullptr);
  REQUIRE(found.active.size() == 4);
  for (const Sighting& s : found.active) {
    CHECK(s.vendor == "google-ads");
    CHECK(identity_key(s) == "google-ads:AW-809204708");
  }
}

TEST_CASE("detector: unknown third parties are listed by host; own site and allowed hosts not") {
  Detector detector(signatures());
  PageDetections found = detector.detect(
      {place(PlaceKind::kScriptSrc, "https://cdn.tracker-unknown.test/t.js?site=9", 7),
       place(PlaceKind::kScriptSrc, "https://cdn.tracker-unknown.test/other.js"),
       place(PlaceKind::kScriptSrc, "https://static.smile-dental.test/app.js"),
       place(PlaceKind::kScriptSrc, "https://cdnjs.cloudflare.com/ajax/libs/jquery/3.7.1/x.js"),
       place(PlaceKind::kIframe, "https://www.youtube.com/embed/abc"),
       place(PlaceKind::kImg, "https://images.other-cdn.test/photo.jpg"),
       place(PlaceKind::kImg, "https://px.other-pixel.test/collect?id=5"),
       place(PlaceKind::kScriptSrc, "https://connect.facebook.net/en_US/messenger.Extensions.js")},
      kPage, nullptr);
  CHECK(found.active.empty());
  REQUIRE(found.unknown.size() == 2);
  CHECK(identity_key(found.unknown[0]) == "unknown:cdn.tracker-unknown.test");
  CHECK(found.unknown[0].category == "other");
  CHECK(found.unknown[0].tag_id.empty());
  CHECK(found.unknown[0].line == 7);
  CHECK(identity_key(found.unknown[1]) == "unknown:px.other-pixel.test");
}

TEST_CASE("detector: consent gating and the line come from the place") {
  Detector detector(signatures());
  Place sdk =
      place(PlaceKind::kScriptInline,
            "(function(d){\n  var js = d.createElement('script');\n"
            "  js.src = 'https://connect.facebook.net/en_GB/sdk.js#xfbml=1';\n})(document);",
            95);
  sdk.consent_gated = true;
  PageDetections found = detector.detect({sdk}, kPage, nullptr);
  REQUIRE(found.active.size() == 1);
  CHECK(found.active[0].vendor == "facebook-sdk");
  CHECK(found.active[0].consent_gated);
  CHECK(found.active[0].line == 97);
  CHECK(found.active[0].place == PlaceKind::kScriptInline);
}

TEST_CASE("detector: containers and first-party bundles are fetched and matched as external-js") {
  Detector detector(signatures());
  FakeFetcher fetcher;
  const std::string gtm = "https://www.googletagmanager.com/gtm.js?id=GTM-5WW98D";
  const std::string bundle = "https://www.smile-dental.test/assets/app.min.js";
  fetcher.scripts[gtm] =
      "var x={\"vtp_trackingId\":\"UA-30603505-1\"}; ga('create', "
      "'UA-30603505-1', 'auto'); !function(){pintrk('load','2614228273575')}();";
  fetcher.scripts[bundle] = "window.ttq && ttq.load('CRF8I2BC77UD2MA14E3G');";
  PageDetections found = detector.detect(
      {place(PlaceKind::kScriptInline,
             "(function(w,d,s,l,i){})(window,document,'script','dataLayer','GTM-5WW98D');", 3),
       place(PlaceKind::kScriptSrc, bundle, 20),
       place(PlaceKind::kScriptSrc, "https://cdnjs.cloudflare.com/ajax/libs/lodash/lodash.js")},
      kPage, &fetcher);
  CHECK(fetcher.asked == std::vector<std::string>{gtm, bundle});
  std::map<std::string, const Sighting*> by_vendor;
  for (const Sighting& s : found.active) by_vendor[s.vendor] = &s;
  REQUIRE(by_vendor.count("pinterest"));
  CHECK(by_vendor["pinterest"]->place == PlaceKind::kExternalJs);
  CHECK(by_vendor["pinterest"]->via == gtm);
  CHECK(by_vendor["pinterest"]->tag_id == "2614228273575");
  CHECK(by_vendor["pinterest"]->line == 3);
  REQUIRE(by_vendor.count("tiktok"));
  CHECK(by_vendor["tiktok"]->via == bundle);
  CHECK(by_vendor["tiktok"]->host == "www.smile-dental.test");
  REQUIRE(by_vendor.count("google-analytics"));
  CHECK(by_vendor["google-analytics"]->tag_id == "UA-30603505-1");
}

TEST_CASE("detector: in a fetched script, vendor code without a literal ID is no tag") {
  Detector detector(signatures());
  FakeFetcher fetcher;
  const std::string gtm = "https://www.googletagmanager.com/gtm.js?id=GTM-5WW98D";
  fetcher.scripts[gtm] =
      "var u='https://www.google-analytics.com/analytics.js'; "
      "function load(id){s.src='https://www.googletagmanager.com/gtag/js?id='+id}";
  PageDetections found = detector.detect({place(PlaceKind::kScriptSrc, gtm)}, kPage, &fetcher);
  CHECK(fetcher.asked == std::vector<std::string>{gtm});
  REQUIRE(found.active.size() == 1);
  CHECK(found.active[0].vendor == "google-tag-manager");
}

// A first-party bundle as a page loads it, fetched through the fetcher.
PageDetections detect_bundle(FakeFetcher& fetcher, const std::string& body) {
  Detector detector(signatures());
  const std::string bundle = "https://www.smile-dental.test/assets/app.min.js";
  fetcher.scripts[bundle] = body;
  return detector.detect({place(PlaceKind::kScriptSrc, bundle, 20)}, kPage, &fetcher);
}

std::map<std::string, std::vector<std::string>> ids_by_vendor(const PageDetections& found) {
  std::map<std::string, std::vector<std::string>> ids;
  for (const Sighting& s : found.active) ids[s.vendor].push_back(s.tag_id);
  return ids;
}

TEST_CASE("detector: a bundle's vendor call given a name reports the literal assigned to it") {
  FakeFetcher fetcher;
  const PageDetections found = detect_bundle(
      fetcher,
      "var settings={ads:{tiktok:\"C4ABCDEFGHIJ1234567K\"}};window.siteConfig={metaPixel:"
      "\"621234567890123\"};const cfg={pinterest:'2612345678901'};\n"
      "ttq.load(settings.ads.tiktok);fbq(\"init\", window.siteConfig.metaPixel);"
      "pintrk('load', cfg.pinterest);");
  using Ids = std::vector<std::string>;
  CHECK(ids_by_vendor(found) ==
        std::map<std::string, Ids>{{"meta", Ids{"621234567890123"}},
                                   {"pinterest", Ids{"2612345678901"}},
                                   {"tiktok", Ids{"C4ABCDEFGHIJ1234567K"}}});
}

TEST_CASE("detector: a bundle that loads the vendor and passes a name with no literal: no ID") {
  FakeFetcher fetcher;
  const PageDetections found = detect_bundle(
      fetcher,
      "!function(e){var t=document.createElement(\"script\");t.src=\"https://connect.facebook.net"
      "/en_US/fbevents.js\"}();fbq(\"init\",window.__CONFIG__.metaPixel);");
  using Ids = std::vector<std::string>;
  CHECK(ids_by_vendor(found) == std::map<std::string, Ids>{{"meta", Ids{""}}});
}

TEST_CASE("detector: a bundle passing a name with no literal and no loader is no tag") {
  FakeFetcher fetcher;
  const PageDetections found =
      detect_bundle(fetcher, "export function track(c){fbq(\"init\",c.metaPixel);ttq.load(c.tt)}");
  CHECK(found.active.empty());
}

TEST_CASE("detector: a bundle of nearly 4 MB is read to its end for names and literals") {
  FakeFetcher fetcher;
  std::string body = "var settings={ads:{tiktok:\"C4ABCDEFGHIJ1234567K\"}};\n";
  const std::string filler =
      "function r(a,b){var o={name:\"tiktok\",ads:a};return o.ads.load?o:b.tiktok_id=\"x\"}\n";
  while (body.size() + filler.size() < (4u << 20) - 100) body += filler;
  body += "ttq.load(settings.ads.tiktok);";
  const PageDetections found = detect_bundle(fetcher, body);
  using Ids = std::vector<std::string>;
  CHECK(ids_by_vendor(found) ==
        std::map<std::string, Ids>{{"tiktok", Ids{"C4ABCDEFGHIJ1234567K"}}});
}

TEST_CASE("detector: a tag manager's runtime read as text is no tag without a literal ID") {
  Detector detector(signatures());
  FakeFetcher fetcher;
  const std::string gtm = "https://www.googletagmanager.com/gtm.js?id=GTM-5WW98D";
  // Not a container resource, so it is matched as text.
  fetcher.scripts[gtm] =
      "var u=\"https://connect.facebook.net/en_US/fbevents.js\";function px(c){fbq(\"init\","
      "c.metaPixel)}";
  const PageDetections found =
      detector.detect({place(PlaceKind::kScriptSrc, gtm)}, kPage, &fetcher);
  REQUIRE(found.unread.size() == 1);
  CHECK(found.unread[0].reason == UnreadReason::kUndecoded);
  for (const Sighting& s : found.active) CHECK(s.vendor == "google-tag-manager");
}

TEST_CASE("detector: a literal that does not fit the vendor's IDs is no ID") {
  FakeFetcher fetcher;
  const PageDetections found =
      detect_bundle(fetcher,
                    "var social={pinterest:\"https://pinterest.com/smile\"};"
                    "var tags={pinterest:\"2612345678901\"};pintrk('load',tags.pinterest);");
  using Ids = std::vector<std::string>;
  CHECK(ids_by_vendor(found) == std::map<std::string, Ids>{{"pinterest", Ids{"2612345678901"}}});
}

TEST_CASE("detector: an inline script's name is looked up in that script") {
  Detector detector(signatures());
  const PageDetections found = detector.detect(
      {place(PlaceKind::kScriptInline, "var pixelId = '236244464038933'; fbq('init', pixelId);"),
       place(PlaceKind::kScriptInline, "fbq('init', otherPixel); fbq('track', 'PageView');")},
      kPage, nullptr);
  std::vector<std::string> ids;
  for (const Sighting& s : found.active) ids.push_back(s.tag_id);
  // The second script's call has no literal in its own script; the page's one Meta ID is lent
  // to it, as to any sighting of the vendor without one.
  CHECK(ids == std::vector<std::string>{"236244464038933", "236244464038933"});
}

TEST_CASE("detector: commented scripts are not fetched") {
  Detector detector(signatures());
  FakeFetcher fetcher;
  Place gtm = place(PlaceKind::kScriptSrc, "https://www.googletagmanager.com/gtm.js?id=GTM-AB12CD");
  gtm.commented = true;
  detector.detect({gtm}, kPage, &fetcher);
  CHECK(fetcher.asked.empty());
}

TEST_CASE("detector: one Detector serves several threads at once") {
  Detector detector(signatures());
  std::vector<Place> places = {
      place(PlaceKind::kScriptInline, "fbq('init', '236244464038933'); fbq('track', 'Lead');"),
      place(PlaceKind::kNoscriptIframe, "https://www.googletagmanager.com/ns.html?id=GTM-5WW98D")};
  std::vector<std::size_t> counts(8);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < counts.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i)
        counts[t] += detector.detect(places, kPage, nullptr).active.size();
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (std::size_t count : counts) CHECK(count == 100);
}

}  // namespace
}  // namespace tagdrift::detectors
