// Every report format says when the scan could not run, which pages failed, and which tags it
// could not verify; none of them reads like a pass.
#include "report/scan_failure.h"

#include <libxml/parser.h>

#include <catch2/catch.hpp>
#include <memory>
#include <sstream>

#include "report/json_report.h"
#include "report/sarif_report.h"
#include "tests/report/report_fixtures.h"
#include "tests/report/schema_check.h"

using namespace tagdrift;
using nlohmann::json;

namespace {

// A site that answered 401 to its seed: nothing was scanned, one tag was known before.
drift::Report could_not_run() {
  drift::Report report;
  report.scan.id = 7, report.scan.site = testing::kSite, report.scan.target = testing::kSite;
  report.scan.complete = false, report.scan.pages_failed = 1;
  report.previous_scan_id = 6;
  storage::PageRecord seed;
  seed.url = std::string(testing::kSite) + "/", seed.status = 401, seed.error = "HTTP 401";
  seed.found_by = "seed";
  report.pages.push_back(drift::report_page(seed));
  report.failed_targets = {{std::string(testing::kSite) + "/", "HTTP 401"}};
  report.unverified = {{"pinterest:2612345678901",
                        "Pinterest",
                        "2612345678901",
                        {std::string(testing::kSite) + "/services/ivf/"}}};
  report.fail_on = drift::FailOn::kNew;
  return report;
}

std::string rendered(const drift::Report& report, report::Format format) {
  return testing::render_to_string(report, format);
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("scan_failure: text opens with the failure and never says nothing changed") {
  std::string out = rendered(could_not_run(), report::Format::kText);
  INFO(out);
  CHECK(out.starts_with(
      "SCAN FAILED: the scan could not run: 1 target could not be scanned; it says nothing "
      "about the site's tags\n  https://www.clinic.test/: HTTP 401\n"));
  CHECK_FALSE(has(out, "nothing new or changed"));
  CHECK(has(out, "gate (--fail-on new): FAILED (the scan could not run)\n"));
  CHECK(has(out,
            "\nNot verified in this scan (1)\n  Pinterest 2612345678901  "
            "(pinterest:2612345678901)  last seen on /services/ivf/\n"));
}

TEST_CASE("scan_failure: text of an incomplete scan counts and lists the failed pages") {
  std::string out = rendered(testing::sample_report(), report::Format::kText);
  CHECK(has(out,
            "\nINCOMPLETE SCAN: 1 page failed\n"
            "  https://www.clinic.test/broken  HTTP 500  (its tags were not verified)\n"));
}

TEST_CASE("scan_failure: markdown heads with the failure, lists pages and unverified tags") {
  std::string out = rendered(could_not_run(), report::Format::kMarkdown);
  INFO(out);
  CHECK(out.starts_with(
      "## tagdrift: scan failed \u2014 the scan could not run: 1 target could not be scanned\n"));
  CHECK_FALSE(has(out, "no new or changed tags"));
  CHECK(has(out, "\n### Scan failed\n"));
  CHECK(has(out, "- https://www.clinic.test/: HTTP 401\n"));
  CHECK(has(out,
            "\n### Not verified in this scan\n\n- Pinterest 2612345678901: last seen on "
            "/services/ivf/\n"));
  std::string incomplete = rendered(testing::sample_report(), report::Format::kMarkdown);
  CHECK(has(incomplete, "\n### Incomplete: 1 page failed\n"));
  CHECK(has(incomplete, "- /broken: HTTP 500 (its tags were not verified)\n"));
}

TEST_CASE("scan_failure: junit has an error case per failed target, well-formed") {
  std::string xml = rendered(could_not_run(), report::Format::kJunit);
  INFO(xml);
  CHECK(has(xml, "tests=\"3\" failures=\"0\" errors=\"1\" skipped=\"2\""));
  CHECK(has(xml,
            "<testcase classname=\"tagdrift.scan\" name=\"https://www.clinic.test/\">\n"
            "    <error message=\"could not be scanned: HTTP 401\" type=\"target-failed\">"));
  CHECK(has(xml,
            "name=\"pinterest:2612345678901 (not verified)\">\n    <skipped message="
            "\"pinterest:2612345678901 not verified in this scan: last seen on "
            "/services/ivf/\"/>"));
  std::unique_ptr<xmlDoc, void (*)(xmlDoc*)> doc(
      xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "junit.xml", "UTF-8",
                    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING),
      xmlFreeDoc);
  CHECK(doc != nullptr);
}

TEST_CASE("scan_failure: sarif's invocation failed, a notification per target, page and tag") {
  json log = json::parse(rendered(could_not_run(), report::Format::kSarif));
  const json& invocation = log.at("runs").at(0).at("invocations").at(0);
  CHECK(invocation.at("executionSuccessful") == false);
  const json& notes = invocation.at("toolExecutionNotifications");
  REQUIRE(notes.size() == 3);
  CHECK(notes[0].at("level") == "error");
  CHECK(notes[0].at("message").at("text") == "could not scan https://www.clinic.test/: HTTP 401");
  CHECK(notes[0].at("properties").at("target") == "https://www.clinic.test/");
  CHECK(notes[1].at("level") == "warning");
  CHECK(notes[1].at("properties").at("error") == "HTTP 401");
  CHECK(notes[2].at("properties").at("key") == "pinterest:2612345678901");
  CHECK(log == report::to_sarif(could_not_run()));
  json fine = report::to_sarif(testing::sample_report());
  CHECK(fine["runs"][0]["invocations"][0]["executionSuccessful"] == true);
}

TEST_CASE("scan_failure: json carries the failed targets, pages and unverified tags, valid") {
  json document = json::parse(rendered(could_not_run(), report::Format::kJson));
  CHECK(document.at("failed_targets") ==
        json::array({{{"target", "https://www.clinic.test/"}, {"reason", "HTTP 401"}}}));
  CHECK(document.at("failed_pages").at(0).at("status") == 401);
  CHECK(document.at("unverified").at(0).at("key") == "pinterest:2612345678901");
  CHECK(document == report::to_json(could_not_run()));
  auto check = testing::check_against_schema(document);
  INFO(check.output);
  CHECK(check.exit_status == 0);
}
