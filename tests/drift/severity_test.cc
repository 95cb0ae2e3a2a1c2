#include "drift/severity.h"

#include <catch2/catch.hpp>

#include "drift/findings.h"
#include "tests/drift/drift_fixtures.h"

using namespace tagdrift::drift;
using namespace tagdrift::testing;
using tagdrift::storage::PageRecord;
using tagdrift::storage::SightingRecord;

namespace {

const PageRecord kFertility =
    page_at("/services/fertility/", {"fertility", "ivf"}, {"email", "phone"});
const PageRecord kKnee = page_at("/services/knee/", {"orthopedics"});
const PageRecord kCareers = page_at("/careers/", {}, {"email", "phone"});
const PageRecord kWellnessBlog = page_at("/blog/sleep-tips/");
const PageRecord kThankYou = page_at("/thank-you/");

// The assessed finding of one key, from sightings on the pages above.
Finding assessed(const std::vector<SightingRecord>& sightings) {
  auto scan = scan_of(1, {kFertility, kKnee, kCareers, kWellnessBlog, kThankYou}, sightings);
  auto findings = collect_findings(scan);
  REQUIRE(findings.size() == 1);
  assess_severity(findings[0], kSite);
  return findings[0];
}

}  // namespace

TEST_CASE("severity: an ungated ad tag on a health page that collects PII is critical") {
  auto pinterest = assessed({tag_at("pinterest:2612", "/services/fertility/")});
  CHECK(pinterest.severity == Severity::kCritical);
  CHECK(pinterest.reason ==
        "Pinterest Tag on /services/fertility/ (health context: fertility, ivf), a page that "
        "collects email, phone, not consent-gated");
  CHECK(pinterest.remediation.starts_with("Remove the Pinterest Tag from health pages"));
  CHECK(assessed({tag_at("hotjar:1", "/services/fertility/")}).severity == Severity::kCritical);
}

TEST_CASE("severity: enhanced-match data from a health page is critical, even when gated") {
  auto meta = assessed({gated(with_matching(tag_at("meta:1", "/services/knee/"), {"em", "ph"}))});
  CHECK(meta.severity == Severity::kCritical);
  CHECK(meta.reason ==
        "Meta Pixel sends enhanced-match data (em, ph) from /services/knee/ (health context: "
        "orthopedics)");
  CHECK(meta.remediation.starts_with("Stop sending enhanced-match data (em, ph)"));
  // Enhanced match from a page without health context is ordinary ad tracking.
  CHECK(assessed({with_matching(tag_at("meta:1", "/careers/"), {"em"})}).severity ==
        Severity::kMedium);
}

TEST_CASE("severity: an event named for a health condition is critical wherever it fires") {
  auto ga = assessed({gated(
      with_events(tag_at("google-analytics:G-1", "/thank-you/"), {"fertility_consultation"}))});
  CHECK(ga.severity == Severity::kCritical);
  CHECK(ga.reason ==
        "Google Analytics (gtag.js) sends the event 'fertility_consultation' (health term: "
        "fertility) from /thank-you/");
  CHECK(ga.remediation.starts_with("Rename or drop the event 'fertility_consultation'"));
  auto page_term =
      assessed({with_events(tag_at("meta:1", "/services/knee/"), {"Orthopedics Lead"})});
  CHECK(page_term.severity == Severity::kCritical);
  CHECK(page_term.reason.find("(health term: orthopedics)") != std::string::npos);
}

TEST_CASE("severity: generic conversion events are not health events") {
  auto meta = assessed(
      {with_events(tag_at("meta:1", "/careers/"), {"PageView", "Lead", "Schedule", "Contact"})});
  CHECK(meta.severity == Severity::kMedium);
}

TEST_CASE("severity: an ungated ad tag on a health page without forms is high") {
  auto tiktok = assessed({tag_at("tiktok:T1", "/services/knee/")});
  CHECK(tiktok.severity == Severity::kHigh);
  CHECK(tiktok.reason ==
        "TikTok Pixel on /services/knee/ (health context: orthopedics), not consent-gated");
  CHECK(tiktok.remediation.find("TikTok Events API") != std::string::npos);
}

TEST_CASE("severity: an ad tag on a careers page that collects PII is medium, not high") {
  auto meta = assessed({tag_at("meta:1", "/careers/")});
  CHECK(meta.severity == Severity::kMedium);
  CHECK(meta.reason == "Meta Pixel on /careers/ (no health context), not consent-gated");
  CHECK(meta.remediation.find("Meta Conversions API") != std::string::npos);
}

TEST_CASE("severity: unknown third parties are medium on health pages, low elsewhere") {
  auto on_health = assessed({tag_at("unknown:cdn.x.net", "/services/knee/")});
  CHECK(on_health.severity == Severity::kMedium);
  CHECK(on_health.reason ==
        "unknown third-party script from cdn.x.net on /services/knee/ (health context: "
        "orthopedics); no signature knows this vendor");
  CHECK(on_health.remediation ==
        "Identify the vendor behind cdn.x.net; sign a BAA with it or remove the script.");
  CHECK(assessed({tag_at("unknown:cdn.x.net", "/careers/")}).severity == Severity::kLow);
}

TEST_CASE("severity: analytics is medium on an ungated health page, low without health context") {
  auto on_health = assessed({tag_at("google-analytics:G-1", "/services/knee/")});
  CHECK(on_health.severity == Severity::kMedium);
  CHECK(on_health.remediation.starts_with("Keep Google Analytics off health pages"));
  auto wellness = assessed({tag_at("google-analytics:G-1", "/blog/sleep-tips/")});
  CHECK(wellness.severity == Severity::kLow);
  CHECK(wellness.reason == "Google Analytics (gtag.js) on /blog/sleep-tips/ (no health context)");
  CHECK(assessed({tag_at("hubspot:1", "/services/knee/")}).severity == Severity::kMedium);
}

TEST_CASE("severity: gated tags are low, even ad tags on health pages with forms") {
  auto meta = assessed({gated(tag_at("meta:1", "/services/fertility/"))});
  CHECK(meta.severity == Severity::kLow);
  CHECK(meta.reason == "Meta Pixel is consent-gated on every page");
  CHECK(meta.remediation.starts_with("Verify the consent manager really blocks Meta Pixel"));
}

TEST_CASE("severity: chat widgets are low; consent managers and tag managers are info") {
  auto chat = assessed({tag_at("intercom:abc", "/services/knee/")});
  CHECK(chat.severity == Severity::kLow);
  CHECK(chat.reason == "Intercom Messenger (chat) on /services/knee/");
  auto consent = assessed({tag_at("onetrust:o", "/services/fertility/")});
  CHECK(consent.severity == Severity::kInfo);
  CHECK(consent.reason == "OneTrust Cookie Consent is a consent manager");
  auto gtm = assessed({tag_at("google-tag-manager:GTM-1", "/services/fertility/")});
  CHECK(gtm.severity == Severity::kInfo);
  CHECK(gtm.reason ==
        "Google Tag Manager is a tag manager; the tags it loads are reported on their own");
  CHECK(gtm.remediation.starts_with("Audit the Google Tag Manager container"));
}

TEST_CASE("severity: a tag on harmless and health pages takes the worst page") {
  auto meta = assessed({tag_at("meta:1", "/blog/sleep-tips/"), tag_at("meta:1", "/careers/"),
                        tag_at("meta:1", "/services/knee/")});
  CHECK(meta.severity == Severity::kHigh);
  CHECK(meta.reason ==
        "Meta Pixel on /services/knee/ (health context: orthopedics), not consent-gated (and 2 "
        "other pages)");
  auto gated_on_health =
      assessed({gated(tag_at("meta:1", "/services/knee/")), tag_at("meta:1", "/careers/")});
  CHECK(gated_on_health.severity == Severity::kMedium);
  CHECK(gated_on_health.reason ==
        "Meta Pixel on /careers/ (no health context), not consent-gated (and 1 other page)");
}

TEST_CASE("severity: the page verdict names the rule and the page") {
  auto finding = assessed({tag_at("meta:1", "/careers/"), tag_at("meta:1", "/services/knee/")});
  PageVerdict verdict = judge_finding(finding);
  CHECK(verdict.rule == Rule::kTrackingOnHealthPage);
  REQUIRE(verdict.page != nullptr);
  CHECK(verdict.page->url == url_of("/services/knee/"));
  CHECK(judge_finding(Finding{}).page == nullptr);
}

TEST_CASE("severity: query variants of one path count as one page in the reason") {
  auto scan = scan_of(
      1, {kKnee, page_at("/services/knee/?day=1"), page_at("/services/knee/?day=2"), kCareers},
      {tag_at("meta:1", "/services/knee/"), tag_at("meta:1", "/services/knee/?day=1"),
       tag_at("meta:1", "/services/knee/?day=2"), tag_at("meta:1", "/careers/")});
  auto findings = collect_findings(scan);
  REQUIRE(findings.size() == 1);
  assess_severity(findings[0], kSite);
  CHECK(findings[0].reason.ends_with("not consent-gated (and 1 other page)"));
}
