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
