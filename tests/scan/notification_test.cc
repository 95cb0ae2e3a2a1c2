#include "scan/notification.h"

#include <catch2/catch.hpp>
#include <string>

using namespace tagdrift;
using nlohmann::json;

namespace {

drift::Finding unknown_party() {
  drift::Finding finding;
  finding.key = "unknown:cdn.example.net";
  finding.vendor = "unknown";
  finding.category = "unknown";
  finding.status = drift::Status::kNew;
  finding.severity = drift::Severity::kMedium;
  finding.reason = "unknown third-party script";
  finding.changes = {"new unknown third party on this site"};
  return finding;
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("notification: worth sending on drift, a scan that could not run, unverified tags") {
  drift::Report report;
  CHECK_FALSE(scan::worth_notifying(report));
  report.failed_targets = {{"https://www.clinic.test/", "HTTP 503"}};
  CHECK(scan::worth_notifying(report));
  report.failed_targets.clear();
  report.unverified = {{"pinterest:1", "pinterest", "1", {"https://www.clinic.test/a/"}}};
  CHECK(scan::worth_notifying(report));
  report.unverified.clear();
  report.findings = {unknown_party()};
  CHECK(scan::worth_notifying(report));
  report.findings[0].status = drift::Status::kKnown;
  CHECK_FALSE(scan::worth_notifying(report));
}

TEST_CASE("notification: an unknown third party is named by its host, never blank") {
  drift::Report report;
  report.scan.site = "https://www.clinic.test";
  report.findings = {unknown_party()};
  json body = scan::notification(report);
  const json& finding = body.at("findings").at(0);
  CHECK(finding.at("host") == "cdn.example.net");
  CHECK(finding.at("tag_id").is_null());
  CHECK(finding.at("product").is_null());
  CHECK(finding.at("label") == "unknown third party cdn.example.net");
  const std::string text = body.at("text");
  CHECK(has(text, "\n\u2022 [medium] new unknown third party cdn.example.net: unknown"));
  CHECK(has(text, "\n    \u2013 new unknown third party on this site"));
  CHECK(body.at("worst_severity") == "medium");
}

TEST_CASE("notification: a scan that could not run says so first, with each target") {
  drift::Report report;
  report.scan.site = "https://www.clinic.test";
  report.failed_targets = {{"https://www.clinic.test/", "HTTP 401"}};
  json body = scan::notification(report);
  CHECK(body.at("scan_failed") == true);
  CHECK(body.at("text") ==
        "tagdrift: SCAN FAILED for https://www.clinic.test: the scan could not run\n"
        "\u2022 could not scan https://www.clinic.test/: HTTP 401\n"
        "For the HTML report, scan again with --format html --output report.html");
  CHECK(body.at("worst_severity").is_null());
}

TEST_CASE("notification: the message says how to get the HTML report of its scan") {
  drift::Report report;
  report.scan.site = "https://www.clinic.test";
  report.scan.id = 17;
  report.findings = {unknown_party()};
  const std::string text = scan::notification(report).at("text");
  CHECK(text.ends_with(
      "\nFor the HTML report: tagdrift report 17 --format html --output report.html"));
}

namespace {

drift::UnreadScript unread_bundle(bool newly) {
  return {"https://www.clinic.test/js/app.js",
          "too-large",
          "over the limit of 4194304 bytes",
          {"https://www.clinic.test/", "https://www.clinic.test/about/"},
          newly};
}

storage::ContainerOriginRecord linkedin_origin() {
  return {"GTM-AB12CD", "42", 17, "__bzi", "All Pages", "constant (macro 4)"};
}

}  // namespace

TEST_CASE("notification: a newly unread script is news; one unread last time too is not") {
  drift::Report report;
  report.unread_scripts = {unread_bundle(false)};
  CHECK_FALSE(scan::worth_notifying(report));
  report.read_again = {"https://www.clinic.test/js/old.js"};
  report.containers = {
      {"https://www.googletagmanager.com/gtm.js?id=GTM-AB12CD", "GTM-AB12CD", "42", "41"}};
  CHECK_FALSE(scan::worth_notifying(report));
  report.unread_scripts[0].newly = true;
  CHECK(scan::worth_notifying(report));
}

TEST_CASE("notification: scripts not read in full and read again are listed with their reason") {
  drift::Report report;
  report.scan.site = "https://www.clinic.test";
  report.unread_scripts = {unread_bundle(true)};
  report.read_again = {"https://www.clinic.test/js/old.js"};
  json body = scan::notification(report);
  CHECK(body.at("unread_scripts") == json::array({{{"url", "https://www.clinic.test/js/app.js"},
                                                   {"reason", "too-large"},
                                                   {"detail", "over the limit of 4194304 bytes"},
                                                   {"pages", 2},
                                                   {"new", true}}}));
  CHECK(body.at("read_again") == json::array({"https://www.clinic.test/js/old.js"}));
  const std::string text = body.at("text");
  CHECK(has(text, "0 not verified; 1 script not read in full\n"));
  CHECK(has(text,
            "\n\u2022 not read in full: https://www.clinic.test/js/app.js (too-large: over the "
            "limit of 4194304 bytes), new since the last scan; loaded by 2 pages\n"));
  CHECK(has(text, "\n\u2022 read again: https://www.clinic.test/js/old.js\n"));

  report.unread_scripts[0].detail.clear();
  body = scan::notification(report);
  CHECK(body.at("unread_scripts").at(0).at("detail").is_null());
}

TEST_CASE("notification: a tag from a container names its container line; new versions listed") {
  drift::Report report;
  report.scan.site = "https://www.clinic.test";
  drift::Finding linkedin = unknown_party();
  linkedin.key = "linkedin:1341164";
  linkedin.vendor = "linkedin";
  linkedin.signature = "linkedin-insight";
  linkedin.tag_id = "1341164";
  for (const char* url : {"https://www.clinic.test/", "https://www.clinic.test/about/"}) {
    drift::FindingPage page;
    page.url = std::string(url);
    page.container = linkedin_origin();
    linkedin.pages.push_back(page);
  }
  report.findings = {linkedin, unknown_party()};
  report.containers = {
      {"https://www.googletagmanager.com/gtm.js?id=GTM-AB12CD", "GTM-AB12CD", "42", "41"},
      {"https://www.googletagmanager.com/gtm.js?id=GTM-SAME01", "GTM-SAME01", "7", "7"}};
  json body = scan::notification(report);
  const std::string line =
      "GTM-AB12CD v42, tag 17 __bzi, fires on All Pages, ID from constant (macro 4)";
  CHECK(body.at("findings").at(0).at("containers") == json::array({line}));
  CHECK(body.at("findings").at(1).at("containers") == json::array());
  CHECK(body.at("container_versions") ==
        json::array({{{"id", "GTM-AB12CD"},
                      {"url", "https://www.googletagmanager.com/gtm.js?id=GTM-AB12CD"},
                      {"version", "42"},
                      {"previous_version", "41"}}}));
  const std::string text = body.at("text");
  CHECK(has(text,
            "new linkedin 1341164: unknown third-party script\n    \u2013 new unknown third "
            "party on this site\n    container: " +
                line + "\n"));
  CHECK(has(text, "\n\u2022 container GTM-AB12CD version 41 \u2192 42\n"));
  CHECK_FALSE(has(text, "GTM-SAME01"));
}
