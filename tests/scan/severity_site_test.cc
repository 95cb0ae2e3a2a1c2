// End to end: the severity-clinic fixture site, scanned as a directory target, gives each of its
// tags the severity and reason docs/severity.md promises, and its false-alarm traps stay quiet.
#include <catch2/catch.hpp>
#include <map>
#include <string>

#include "drift/report_model.h"
#include "scan/scan_job.h"

using tagdrift::drift::Severity;

namespace {

struct Expected {
  Severity severity;
  std::string reason;
};

tagdrift::drift::Report scan_severity_clinic() {
  tagdrift::scan::ScanJob job;
  job.scan.crawl.targets = {std::string(TAGDRIFT_FIXTURES_DIR) + "/sites/severity-clinic"};
  job.scan.crawl.base_url = "https://www.northfield-clinic.test/";
  job.use_db = false;
  return tagdrift::scan::run_scan_job(job).report;
}

const tagdrift::drift::FindingPage* page_of(const tagdrift::drift::Report& report,
                                            const std::string& url) {
  for (const auto& finding : report.findings) {
    for (const auto& page : finding.pages) {
      if (page.url == url) return &page;
    }
  }
  return nullptr;
}

}  // namespace

TEST_CASE("severity site: one finding per severity level, each with the reason that decided it") {
  const auto report = scan_severity_clinic();
  REQUIRE(report.scan.complete);
  CHECK(report.scan.pages_crawled == 6);

  const std::map<std::string, Expected> expected = {
      {"pinterest:2610000000001",
       {Severity::kCritical,
        "Pinterest Tag on /services/fertility/ (health context: fertility, fertility treatment, "
        "ivf, egg freezing, request an appointment, clinic), a page that collects email, phone, "
        "name, not consent-gated"}},
      {"tiktok:CSEVHIGH0000000000001",
       {Severity::kHigh,
        "TikTok Pixel on /services/knee-replacement/ (health context: knee replacement, "
        "surgery), not consent-gated"}},
      {"meta:1000000000000001",
       {Severity::kMedium, "Meta Pixel on /careers/ (no health context), not consent-gated"}},
      {"google-analytics:G-SEVLOW0001",
       {Severity::kLow, "Google Analytics (gtag.js) on /blog/sleep-tips/ (no health context)"}},
      {"google-tag-manager:GTM-SEV0001",
       {Severity::kInfo,
        "Google Tag Manager is a tag manager; the tags it loads are reported on their own"}},
      {"onetrust:5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
       {Severity::kInfo, "OneTrust Cookie Consent is a consent manager"}},
  };
  std::map<std::string, Expected> actual;
  for (const auto& finding : report.findings) {
    actual[finding.key] = {finding.severity, finding.reason};
    UNSCOPED_INFO(finding.key << " " << tagdrift::drift::severity_name(finding.severity) << " "
                              << finding.reason);
  }
  for (const auto& [key, want] : expected) {
    INFO(key);
    REQUIRE(actual.count(key) == 1);
    CHECK(tagdrift::drift::severity_name(actual.at(key).severity) ==
          std::string(tagdrift::drift::severity_name(want.severity)));
    CHECK(actual.at(key).reason == want.reason);
  }
  CHECK(actual.size() == expected.size());
}

TEST_CASE("severity site: the false-alarm traps raise nothing") {
  const auto report = scan_severity_clinic();
  const std::string site = "https://www.northfield-clinic.test";
  // A careers page with an application form and a wellness blog post are no health pages.
  const auto* careers = page_of(report, site + "/careers/");
  REQUIRE(careers != nullptr);
  CHECK_FALSE(careers->health_context);
  CHECK_FALSE(careers->collects_pii.empty());
  const auto* blog = page_of(report, site + "/blog/sleep-tips/");
  REQUIRE(blog != nullptr);
  CHECK_FALSE(blog->health_context);
  // A page that only shows a snippet as text has no tag, active or commented.
  CHECK(page_of(report, site + "/blog/how-website-tracking-works/") == nullptr);
  for (const auto& finding : report.findings) {
    CHECK(finding.tag_id != "9990000000000009");
    CHECK(finding.tag_id != "2619990000009");
  }
  CHECK(report.commented.empty());
}
