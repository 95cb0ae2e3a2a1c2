// Hand-built drift reports for the report tests: one realistic report with every section
// filled, and one where every string is hostile (markup, control bytes, invalid UTF-8).
#pragma once

#include <sstream>
#include <string>
#include <vector>

#include "drift/report_model.h"
#include "report/report.h"

namespace tagdrift::testing {

using Names = std::vector<std::string>;

inline constexpr const char* kSite = "https://www.clinic.test";

// Everything a report format could choke on, in one string.
inline const std::string kHostile =
    "</testcase>]]><x a=\"'&amp;|`*_[l](j:x)\x01\x1b[31m\x7f\n\r\t\xc2\x85\xef\xbf\xbe\xff\xfe"
    "\xc0\xaf\xed\xa0\x80\xe2\x82";

inline drift::FindingPage make_finding_page(const std::string& path, unsigned line = 0) {
  drift::FindingPage page;
  page.url = std::string(kSite) + path;
  page.where = Names{"script-inline", "noscript-img"};
  page.line = line;
  return page;
}

inline drift::Finding make_finding(const std::string& key, drift::Status status,
                                   drift::Severity severity) {
  drift::Finding finding;
  finding.key = key;
  finding.signature = key.substr(0, key.find(':'));
  finding.vendor = finding.signature;
  finding.product = finding.vendor + " Tag";
  finding.category = "advertising";
  finding.tag_id = key.substr(key.find(':') + 1);
  finding.status = status;
  finding.severity = severity;
  finding.reason = "reason of " + key;
  finding.remediation = "remediation of " + key;
  finding.pages = {make_finding_page("/page-of-" + finding.tag_id)};
  return finding;
}

inline drift::Finding pinterest_finding() {
  using drift::Severity;
  drift::Finding finding =
      make_finding("pinterest:2612345678901", drift::Status::kNew, Severity::kCritical);
  finding.vendor = "Pinterest";
  finding.product = "Pinterest Tag";
  finding.reason = "advertising pixel on a health page, not consent-gated";
  finding.remediation = "remove the Pinterest Tag from health pages or gate it on consent";
  finding.enhanced_match = {"em"};
  finding.events = {"checkout", "pagevisit"};
  finding.pages = {make_finding_page("/services/fertility/", 12)};
  finding.pages.front().health_context = true;
  finding.pages.front().health_terms = Names{"fertility"};
  finding.pages.front().collects_pii = Names{"email"};
  finding.pages.front().events = Names{"checkout"};
  finding.pages.front().enhanced_match = Names{"em"};
  finding.pages.front().via = std::string("https://www.clinic.test/gtm.js");
  for (int i = 1; i <= 6; ++i)
    finding.pages.push_back(make_finding_page("/clinic-" + std::to_string(i)));
  return finding;
}

inline drift::Report sample_report() {
  using drift::Severity;
  using drift::Status;
  drift::Report report;
  report.scan = {42,  kSite, kSite, "{}", "2024-05-01T10:00:00Z", "2024-05-01T10:02:00Z", true,
                 120, 1,     1,     ""};
  report.previous_scan_id = 41;
  storage::PageRecord home, fertility, broken, pdf;
  home.url = std::string(kSite) + "/", home.status = 200, home.found_by = "seed";
  fertility.url = std::string(kSite) + "/services/fertility/", fertility.status = 200;
  fertility.health_context = true, fertility.health_terms = {"fertility", "IVF"};
  fertility.collects_pii = {"email"};
  broken.url = std::string(kSite) + "/broken", broken.status = 500, broken.error = "HTTP 500";
  pdf.url = std::string(kSite) + "/brochure.pdf", pdf.skipped = "not HTML";
  for (const auto& page : {home, fertility, broken, pdf}) {
    report.pages.push_back(drift::report_page(page));
  }

  drift::Finding meta = make_finding("meta:1234567890", Status::kChanged, Severity::kHigh);
  meta.changes = {"now on 3 more pages", "enhanced match turned on"};
  meta.policy_violations = {"no advertising pixels on health pages"};
  drift::Finding ga = make_finding("google-analytics:G-ABC123", Status::kKnown, Severity::kMedium);
  ga.consent_gated = true;
  // Configured in a tag-manager container, published at a new version since the last scan.
  ga.pages.front().container = storage::ContainerOriginRecord{
      "GTM-AB12CD", "42", 7, "__googtag", "All Pages", "constant (macro 4)"};
  drift::Finding unknown =
      make_finding("unknown:cdn.example.net", Status::kApproved, Severity::kLow);
  unknown.signature = "", unknown.vendor = "unknown", unknown.product = "", unknown.tag_id = "";
  drift::Finding hotjar = make_finding("hotjar:998877", Status::kKnown, Severity::kInfo);
  report.findings = {pinterest_finding(), meta, ga, unknown, hotjar};

  report.removed = {{"tiktok:C123", "tiktok", "TikTok", "C123"}};
  report.commented = {{"linkedin:12345", "LinkedIn", "12345", {std::string(kSite) + "/about"}}};
  report.page_changes = {{std::string(kSite) + "/old", "vanished"}};
  report.containers = {
      {"https://www.googletagmanager.com/gtm.js?id=GTM-AB12CD", "GTM-AB12CD", "42", "41"}};
  report.fail_on = drift::FailOn::kNew;
  report.failed = true;
  report.failing = {"pinterest:2612345678901: new",
                    "meta:1234567890: changed; policy: no advertising pixels on health pages"};
  return report;
}

// A report whose every string field (and every list entry) is kHostile.
inline drift::Report hostile_report() {
  drift::Report report = sample_report();
  const std::string& h = kHostile;
  report.scan.site = h, report.scan.target = h, report.scan.started_at = h;
  report.scan.finished_at = h;
  for (auto& page : report.pages) {
    page.url = h, page.final_url = h, page.found_by = h, page.error = h, page.skipped = h;
    page.health_terms = Names{h}, page.collects_pii = Names{h};
  }
  for (auto& f : report.findings) {
    f.key = h, f.signature = h, f.vendor = h, f.product = h, f.category = h, f.tag_id = h;
    f.reason = h, f.remediation = h, f.enhanced_match = {h}, f.events = {h}, f.changes = {h};
    f.policy_violations = {h};
    for (auto& page : f.pages) {
      page.url = h, page.where = Names{h}, page.via = h, page.health_terms = Names{h};
      page.collects_pii = Names{h}, page.events = Names{h}, page.enhanced_match = Names{h};
      page.evidence = h;
      page.container = storage::ContainerOriginRecord{h, h, 3, h, h, h};
    }
  }
  report.removed = {{h, h, h, h}};
  report.commented = {{h, h, h, {h}}};
  report.page_changes = {{h, h}};
  report.failing = {h};
  report.containers = {{h, h, h, h}};
  return report;
}

inline std::string render_to_string(const drift::Report& report, report::Format format,
                                    report::RenderOptions options = {}) {
  std::ostringstream out;
  report::render(report, format, options, out);
  return out.str();
}

}  // namespace tagdrift::testing
