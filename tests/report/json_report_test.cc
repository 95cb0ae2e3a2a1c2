#include "report/json_report.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>

#include "tests/report/report_fixtures.h"
#include "tests/report/schema_check.h"
#include "util/version.h"

using namespace tagdrift;
using nlohmann::json;

namespace {

json rendered(const drift::Report& report) {
  std::ostringstream out;
  report::render_json(report, out);
  return json::parse(out.str());
}

void require_valid(const json& document) {
  auto check = testing::check_against_schema(document);
  INFO(check.output);
  REQUIRE(check.exit_status == 0);
}

}  // namespace

TEST_CASE("json_report: a full report validates against docs/report.schema.json") {
  require_valid(rendered(testing::sample_report()));
}

TEST_CASE("json_report: an empty first scan validates, with nulls where nothing is known") {
  drift::Report empty;
  json document = rendered(empty);
  require_valid(document);
  CHECK(document["scan"]["previous_scan_id"].is_null());
  CHECK(document["scan"]["finished_at"].is_null());
  CHECK(document["findings"] == json::array());
  CHECK(document["gate"] ==
        json({{"fail_on", "never"}, {"failed", false}, {"failing", json::array()}}));
}

TEST_CASE("json_report: the schema rejects what breaks the contract") {
  json document = rendered(testing::sample_report());
  SECTION("a missing top-level field") { document.erase("schema_version"); }
  SECTION("an unknown status") { document["findings"][0]["status"] = "fresh"; }
  SECTION("a field the contract does not name") { document["findings"][0]["extra"] = 1; }
  SECTION("a wrong type") { document["scan"]["complete"] = "yes"; }
  SECTION("another schema version") { document["schema_version"] = 2; }
  auto check = testing::check_against_schema(document);
  INFO(check.output);
  CHECK(check.exit_status == 1);
}

TEST_CASE("json_report: the contract's names carry the model's values") {
  json document = rendered(testing::sample_report());
  CHECK(document["schema_version"] == 1);
  CHECK(document["tool"] == json({{"name", "tagdrift"}, {"version", version()}}));
  CHECK(document["scan"]["id"] == 42);
  CHECK(document["scan"]["previous_scan_id"] == 41);
  CHECK(document["scan"]["pages_crawled"] == 120);
  const json& pinterest = document["findings"][0];
  CHECK(pinterest["key"] == "pinterest:2612345678901");
  CHECK(pinterest["status"] == "new");
  CHECK(pinterest["severity"] == "critical");
  CHECK(pinterest["events"] == json({"checkout", "pagevisit"}));
  CHECK(pinterest["pages"][0]["where"] == json({"script-inline", "noscript-img"}));
  CHECK(pinterest["pages"][0]["line"] == 12);
  CHECK(pinterest["pages"][0]["events"] == json({"checkout"}));
  CHECK(pinterest["pages"][0]["health_terms"] == json({"fertility"}));
  CHECK(pinterest["pages"][1]["line"].is_null());
  CHECK(pinterest["pages"][1]["via"].is_null());
  const json& unknown = document["findings"][3];
  CHECK(unknown["signature"].is_null());
  CHECK(unknown["tag_id"].is_null());
  CHECK(document["findings"][1]["changes"].size() == 2);
  CHECK(document["pages"][2]["error"] == "HTTP 500");
  CHECK(document["pages"][0]["error"].is_null());
  CHECK(document["removed"][0]["tag_id"] == "C123");
  CHECK(document["commented"][0]["pages"].size() == 1);
  CHECK(document["page_changes"][0]["change"] == "vanished");
  CHECK(document["gate"]["fail_on"] == "new");
  CHECK(document["gate"]["failed"] == true);
  CHECK(document["gate"]["failing"].size() == 2);
}

TEST_CASE("json_report: the streamed report is to_json() dumped, byte for byte") {
  for (const drift::Report& report :
       {testing::sample_report(), testing::hostile_report(), drift::Report{}}) {
    std::ostringstream out;
    report::render_json(report, out);
    CHECK(out.str() ==
          report::to_json(report).dump(2, ' ', false, json::error_handler_t::replace) + "\n");
  }
}

TEST_CASE("json_report: invalid UTF-8 and hostile strings are replaced, never thrown on") {
  std::ostringstream out;
  REQUIRE_NOTHROW(report::render_json(testing::hostile_report(), out));
  json document = json::parse(out.str());  // the output itself is valid JSON and UTF-8
  require_valid(document);
  std::string key = document["findings"][0]["key"];
  CHECK(key.find("</testcase>") == 0);
  CHECK(key.find("\xEF\xBF\xBD") != std::string::npos);
  CHECK(key.find('\xff') == std::string::npos);
}

namespace {

std::string read_doc() {
  std::ifstream in(std::string(TAGDRIFT_SOURCE_DIR) + "/docs/report-json.md");
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void collect_keys(const json& value, std::set<std::string>& keys) {
  if (value.is_object()) {
    for (const auto& [key, child] : value.items()) {
      keys.insert(key);
      collect_keys(child, keys);
    }
  } else if (value.is_array()) {
    for (const auto& child : value) collect_keys(child, keys);
  }
}

}  // namespace

TEST_CASE("json_report: the documented example validates against the schema") {
  std::string doc = read_doc();
  auto begin = doc.find("```json\n");
  REQUIRE(begin != std::string::npos);
  begin += 8;
  std::string example = doc.substr(begin, doc.find("```", begin) - begin);
  require_valid(json::parse(example));
}

TEST_CASE("json_report: every field the report writes is documented") {
  std::set<std::string> keys;
  collect_keys(report::to_json(testing::sample_report()), keys);
  std::string doc = read_doc();
  for (const auto& key : keys) {
    INFO(key);
    CHECK(doc.find("`" + key + "`") != std::string::npos);
  }
}

TEST_CASE("json_report: query variants of a path count as one page, each naming its page") {
  auto report = testing::sample_report();
  drift::Finding& meta = report.findings[1];
  meta.pages = {testing::make_finding_page("/appointments/"),
                testing::make_finding_page("/appointments/?service=ivf"),
                testing::make_finding_page("/contact/")};
  const json document = rendered(report);
  require_valid(document);
  CHECK(document == report::to_json(report));
  const json& finding = document["findings"][1];
  CHECK(finding["page_count"] == 2);
  CHECK(finding["pages"].size() == 3);
  CHECK(finding["pages"][0]["variant_of"].is_null());
  CHECK(finding["pages"][1]["variant_of"] == "https://www.clinic.test/appointments/");
  CHECK(document["findings"][0]["page_count"] == 7);
}

TEST_CASE("json_report: a page entry says which container and tag configure the finding") {
  json document = rendered(testing::sample_report());
  const json& ga = document["findings"][2];
  REQUIRE(ga["key"] == "google-analytics:G-ABC123");
  CHECK(ga["pages"][0]["container"] == json({{"id", "GTM-AB12CD"},
                                             {"version", "42"},
                                             {"tag_id", 7},
                                             {"template", "__googtag"},
                                             {"firing", "All Pages"},
                                             {"resolved", "constant (macro 4)"}}));
  CHECK(document["findings"][0]["pages"][0]["container"].is_null());  // not from a container
  CHECK(document["containers"] ==
        json::array({{{"id", "GTM-AB12CD"},
                      {"url", "https://www.googletagmanager.com/gtm.js?id=GTM-AB12CD"},
                      {"version", "42"},
                      {"previous_version", "41"},
                      {"version_changed", true}}}));
  auto report = testing::sample_report();
  report.findings[2].pages[0].container =
      storage::ContainerOriginRecord{"GTM-AB12CD", "", -1, "__html", "", ""};
  const json bare = rendered(report)["findings"][2]["pages"][0]["container"];
  CHECK(bare["tag_id"].is_null());
  CHECK(bare["version"].is_null());
  require_valid(rendered(report));
}
