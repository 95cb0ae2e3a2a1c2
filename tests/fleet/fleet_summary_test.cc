#include "fleet/fleet_summary.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/report/schema_check.h"
#include "tests/support/temp_dir.h"

using tagdrift::drift::Severity;
using tagdrift::drift::Status;
using tagdrift::fleet::SiteOutcome;
using tagdrift::fleet::SummaryFormat;

namespace {

// Three sites: one quiet, one with a new high finding that fails --fail-on new, one whose
// target could not be reached.
std::vector<SiteOutcome> three_sites() {
  SiteOutcome quiet;
  quiet.name = "main";
  quiet.site = "https://www.clinic.test";
  quiet.scan_id = 4;
  quiet.complete = true;
  quiet.by_status[static_cast<std::size_t>(Status::kKnown)] = 2;
  quiet.by_severity[static_cast<std::size_t>(Severity::kLow)] = 2;
  quiet.worst = Severity::kLow;
  quiet.worst_key = "google-analytics:G-AAAA1111";
  quiet.pages_crawled = 12;

  SiteOutcome drifted = quiet;
  drifted.name = "Dental & <Co>";
  drifted.group = "partners";
  drifted.site = "https://dental.test";
  drifted.scan_id = 5;
  drifted.by_status[static_cast<std::size_t>(Status::kNew)] = 1;
  drifted.by_severity[static_cast<std::size_t>(Severity::kHigh)] = 1;
  drifted.worst = Severity::kHigh;
  drifted.worst_key = "meta-pixel:4836152907314682";
  drifted.drift = true;
  drifted.fail_on = tagdrift::drift::FailOn::kNew;
  drifted.failing = {"meta-pixel:4836152907314682: new"};
  drifted.exit_code = 1;
  drifted.report_file = "reports/dental-co.json";

  SiteOutcome dead;
  dead.name = "foundation";
  dead.site = "http://127.0.0.1:9";
  dead.errors = {"http://127.0.0.1:9/: Couldn't connect to server"};
  dead.exit_code = 3;
  return {quiet, drifted, dead};
}

std::string rendered(SummaryFormat format) {
  std::ostringstream out;
  tagdrift::fleet::render_summary(three_sites(), format, out);
  return out.str();
}

}  // namespace

TEST_CASE("fleet summary: the exit code is the worst of the sites'") {
  auto sites = three_sites();
  CHECK(tagdrift::fleet::fleet_exit_code(sites) == 3);
  sites.pop_back();
  CHECK(tagdrift::fleet::fleet_exit_code(sites) == 1);
  sites.pop_back();
  CHECK(tagdrift::fleet::fleet_exit_code(sites) == 0);
  CHECK(tagdrift::fleet::fleet_exit_code({}) == 0);
}

TEST_CASE("fleet summary: text has a row per site, the failures, and the totals") {
  const std::string text = rendered(SummaryFormat::kText);
  INFO(text);
  CHECK(text.rfind("SITE ", 0) == 0);
  CHECK(text.find("main           ok              4     0        0      2  low       "
                  "https://www.clinic.test\n") != std::string::npos);
  CHECK(text.find("Dental & <Co>  fails-gate      5     1        0      2  high      "
                  "https://dental.test\n") != std::string::npos);
  CHECK(text.find("foundation     failed          -     0        0      0  -         "
                  "http://127.0.0.1:9\n") != std::string::npos);
  CHECK(text.find("Dental & <Co>: --fail-on new: meta-pixel:4836152907314682: new\n") !=
        std::string::npos);
  CHECK(text.find("foundation: http://127.0.0.1:9/: Couldn't connect to server\n") !=
        std::string::npos);
  CHECK(text.find("3 sites: 2 scanned, 1 failed, 0 skipped; 1 with drift, 1 failing the gate\n") !=
        std::string::npos);
}

TEST_CASE("fleet summary: JSON lists every site and is valid against docs/fleet.schema.json") {
  const nlohmann::json json = nlohmann::json::parse(rendered(SummaryFormat::kJson));
  CHECK(json["exit_code"] == 3);
  REQUIRE(json["sites"].size() == 3);
  const nlohmann::json& dental = json["sites"][1];
  CHECK(dental["name"] == "Dental & <Co>");
  CHECK(dental["group"] == "partners");
  CHECK(dental["site"] == "https://dental.test");
  CHECK(dental["scan_id"] == 5);
  CHECK(dental["skipped"].is_null());
  CHECK(dental["counts"]["status"]["new"] == 1);
  CHECK(dental["counts"]["severity"]["high"] == 1);
  CHECK(dental["worst_severity"] == "high");
  CHECK(dental["worst_finding"] == "meta-pixel:4836152907314682");
  CHECK(dental["report"] == "reports/dental-co.json");
  CHECK(json["sites"][2]["scan_id"].is_null());
  CHECK(json["sites"][2]["failed"] == true);
  CHECK(json["sites"][2]["worst_severity"].is_null());
  CHECK(json["totals"]["failing_gate"] == 1);

  auto check = tagdrift::testing::check_against_schema(json, "fleet.schema.json");
  INFO(check.output);
  if (check.exit_status == 3 && !tagdrift::testing::schemas_required()) {
    WARN("python3-jsonschema is not installed: the schema check did not run");
    return;
  }
  CHECK(check.exit_status == 0);
  nlohmann::json broken = json;
  broken["sites"][0]["worst_severity"] = "severe";
  CHECK(tagdrift::testing::check_against_schema(broken, "fleet.schema.json").exit_status == 1);
}

TEST_CASE("fleet summary: JUnit has one test case per site, well-formed") {
  const std::string xml = rendered(SummaryFormat::kJunit);
  INFO(xml);
  CHECK(xml.find("<testsuite name=\"tagdrift fleet\" tests=\"3\" failures=\"1\" errors=\"1\" "
                 "skipped=\"0\">") != std::string::npos);
  CHECK(xml.find("<testcase classname=\"tagdrift.fleet\" name=\"main\"") != std::string::npos);
  CHECK(xml.find("<testcase classname=\"tagdrift.fleet.partners\" name=\"Dental &amp; "
                 "&lt;Co&gt;\"") != std::string::npos);
  CHECK(xml.find("<failure message=\"--fail-on new met by 1 finding\" type=\"high\">") !=
        std::string::npos);
  CHECK(xml.find("<error message=\"http://127.0.0.1:9/: Couldn&apos;t connect to server\"") !=
        std::string::npos);
  tagdrift::testing::TempDir dir;
  auto check = tagdrift::testing::check_xml(dir.write("fleet.xml", xml));
  INFO(check.output);
  if (check.exit_status == 127) {
    WARN("xmllint is not installed: the well-formedness check did not run");
  } else {
    CHECK(check.exit_status == 0);
  }
}

TEST_CASE("fleet summary: a summary format other than text, json or junit is refused") {
  CHECK_THROWS_WITH(tagdrift::fleet::parse_summary_format("sarif"),
                    Catch::Contains("unknown fleet --format 'sarif'"));
}
