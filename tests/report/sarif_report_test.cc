#include "report/sarif_report.h"

#include <catch2/catch.hpp>
#include <sstream>

#include "tests/report/report_fixtures.h"
#include "util/version.h"

using namespace tagdrift;
using nlohmann::json;

namespace {

json sarif(const drift::Report& report) {
  std::ostringstream out;
  report::render_sarif(report, out);
  return json::parse(out.str());
}

// The parts of SARIF 2.1.0 that code-scanning consumers require of every log.
void check_structure(const json& log) {
  REQUIRE(log.at("$schema").is_string());
  REQUIRE(log.at("version") == "2.1.0");
  REQUIRE(log.at("runs").size() == 1);
  const json& run = log["runs"][0];
  const json& driver = run.at("tool").at("driver");
  REQUIRE(driver.at("name") == "tagdrift");
  REQUIRE(driver.at("version") == version());
  for (const json& rule : driver.at("rules")) REQUIRE(rule.at("id").is_string());
  for (const json& result : run.at("results")) {
    REQUIRE(result.at("ruleId").is_string());
    std::size_t index = result.at("ruleIndex");
    REQUIRE(driver["rules"].at(index).at("id") == result["ruleId"]);
    REQUIRE(result.at("level").is_string());
    REQUIRE_FALSE(result.at("message").at("text").get<std::string>().empty());
    for (const json& location : result.at("locations")) {
      REQUIRE(location.at("physicalLocation").at("artifactLocation").at("uri").is_string());
    }
  }
}

}  // namespace

TEST_CASE("sarif_report: the log has SARIF 2.1.0's required structure") {
  json log = sarif(testing::sample_report());
  check_structure(log);
  CHECK(log["runs"][0]["results"].size() == 5);
}

TEST_CASE("sarif_report: one rule per signature, unknown third parties share one") {
  auto report = testing::sample_report();
  report.findings.push_back(report.findings[3]);
  report.findings.back().key = "unknown:other.example.org";
  report.findings.push_back(testing::pinterest_finding());
  json rules = sarif(report)["runs"][0]["tool"]["driver"]["rules"];
  std::vector<std::string> ids;
  for (const json& rule : rules) ids.push_back(rule["id"]);
  CHECK(ids == std::vector<std::string>{"pinterest", "meta", "google-analytics",
                                        "unknown-third-party", "hotjar"});
}

TEST_CASE("sarif_report: results carry level, reason, page locations and properties") {
  json results = sarif(testing::sample_report())["runs"][0]["results"];
  const json& pinterest = results[0];
  CHECK(pinterest["ruleId"] == "pinterest");
  CHECK(pinterest["level"] == "error");
  CHECK(pinterest["message"]["text"] == "advertising pixel on a health page, not consent-gated");
  REQUIRE(pinterest["locations"].size() == 7);
  const json& first = pinterest["locations"][0]["physicalLocation"];
  CHECK(first["artifactLocation"]["uri"] == "https://www.clinic.test/services/fertility/");
  CHECK(first["region"]["startLine"] == 12);
  CHECK_FALSE(pinterest["locations"][1]["physicalLocation"].contains("region"));
  CHECK(pinterest["properties"] == json({{"key", "pinterest:2612345678901"},
                                         {"vendor", "Pinterest"},
                                         {"tag_id", "2612345678901"},
                                         {"status", "new"},
                                         {"severity", "critical"},
                                         {"consent_gated", false}}));
  CHECK(results[1]["level"] == "error");    // high
  CHECK(results[2]["level"] == "warning");  // medium
  CHECK(results[3]["level"] == "note");     // low
  CHECK(results[4]["level"] == "note");     // info
  CHECK(results[3]["properties"]["tag_id"].is_null());
}

TEST_CASE("sarif_report: the streamed log is to_sarif() dumped, byte for byte") {
  for (const drift::Report& report :
       {testing::sample_report(), testing::hostile_report(), drift::Report{}}) {
    std::ostringstream out;
    report::render_sarif(report, out);
    CHECK(out.str() ==
          report::to_sarif(report).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) +
              "\n");
  }
}

TEST_CASE("sarif_report: a finding without a reason still has a message") {
  auto report = testing::sample_report();
  report.findings[0].reason.clear();
  CHECK(sarif(report)["runs"][0]["results"][0]["message"]["text"] == "Pinterest Tag 2612345678901");
}

TEST_CASE("sarif_report: hostile strings and invalid UTF-8 give a valid log") {
  std::ostringstream out;
  REQUIRE_NOTHROW(report::render_sarif(testing::hostile_report(), out));
  json log = json::parse(out.str());
  check_structure(log);
  std::string text = log["runs"][0]["results"][0]["message"]["text"];
  CHECK(text.find("\xEF\xBF\xBD") != std::string::npos);
}

TEST_CASE("sarif_report: every broken policy rule is a result of its own, with its rule") {
  auto report = testing::sample_report();
  drift::Finding& meta = report.findings[1];
  const std::string site = testing::kSite;
  meta.policy_breaches = {{"deny advertising on /services/**",
                           "no ad tags on clinical pages",
                           {site + "/page-of-1234567890", site + "/services/other/"}},
                          {"deny meta", "", {site + "/page-of-1234567890"}}};
  json run = sarif(report)["runs"][0];
  check_structure(sarif(report));
  const json& results = run["results"];
  REQUIRE(results.size() == 7);  // five findings, then two policy results
  const json& clinical = results[5];
  CHECK(clinical["ruleId"] == "policy/deny advertising on /services/**");
  CHECK(clinical["level"] == "error");
  CHECK(clinical["message"]["text"] ==
        "meta Tag 1234567890 breaks the policy rule deny advertising on /services/** (no ad tags "
        "on clinical pages) on /page-of-1234567890, /services/other/");
  REQUIRE(clinical["locations"].size() == 2);
  CHECK(clinical["locations"][1]["physicalLocation"]["artifactLocation"]["uri"] ==
        site + "/services/other/");
  CHECK(clinical["properties"]["reason"] == "no ad tags on clinical pages");
  CHECK(results[6]["ruleId"] == "policy/deny meta");
  CHECK(results[6]["properties"]["reason"].is_null());
  const json& rule = run["tool"]["driver"]["rules"][clinical["ruleIndex"].get<std::size_t>()];
  CHECK(rule["shortDescription"]["text"] == "deny advertising on /services/**");
  CHECK(rule["help"]["text"].get<std::string>().find("no ad tags on clinical pages") !=
        std::string::npos);
  CHECK(rule["defaultConfiguration"]["level"] == "error");
}

TEST_CASE("sarif_report: a signature's rule carries the remediation as help") {
  json rules = sarif(testing::sample_report())["runs"][0]["tool"]["driver"]["rules"];
  CHECK(rules[0]["id"] == "pinterest");
  CHECK(rules[0]["help"]["text"] ==
        "remove the Pinterest Tag from health pages or gate it on consent");
  CHECK(rules[0]["fullDescription"]["text"] == rules[0]["help"]["text"]);
}

TEST_CASE("sarif_report: a directory target's pages are located in their files, with the line") {
  auto report = testing::sample_report();
  storage::PageRecord fertility;
  fertility.url = std::string(testing::kSite) + "/services/fertility/";
  fertility.file = "public/services/fertility/index.html";
  report.pages.push_back(drift::report_page(fertility));
  json pinterest = sarif(report)["runs"][0]["results"][0];
  const json& first = pinterest["locations"][0];
  CHECK(first["physicalLocation"]["artifactLocation"] ==
        json({{"uri", "public/services/fertility/index.html"}, {"uriBaseId", "%SRCROOT%"}}));
  CHECK(first["message"]["text"] == fertility.url);
  // The fixture's tag came through a script, so its line is not a line of this file.
  CHECK_FALSE(first["physicalLocation"].contains("region"));
  report.findings[0].pages[0].via = std::string();
  CHECK(sarif(report)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"] ==
        json({{"startLine", 12}}));
  // Pages without a file (a URL crawl) keep their URL.
  CHECK(pinterest["locations"][1]["physicalLocation"]["artifactLocation"]["uri"] ==
        "https://www.clinic.test/clinic-1");
}

TEST_CASE("sarif_report: query variants of a path are one location, naming the variants") {
  auto report = testing::sample_report();
  drift::Finding& meta = report.findings[1];
  meta.pages = {testing::make_finding_page("/appointments/?service=ivf", 9),
                testing::make_finding_page("/appointments/?service=skin"),
                testing::make_finding_page("/contact/")};
  const json log = sarif(report);
  CHECK(log == report::to_sarif(report));
  const json& locations = log["runs"][0]["results"][1]["locations"];
  REQUIRE(locations.size() == 2);
  CHECK(locations[0]["physicalLocation"]["artifactLocation"]["uri"] ==
        "https://www.clinic.test/appointments/");
  CHECK(locations[0]["physicalLocation"]["region"]["startLine"] == 9);
  CHECK(locations[0]["message"]["text"] ==
        "query variants: https://www.clinic.test/appointments/?service=ivf, "
        "https://www.clinic.test/appointments/?service=skin");
  CHECK_FALSE(locations[1].contains("message"));
}

TEST_CASE("sarif_report: a tag from a container names it in the message and properties") {
  json results = sarif(testing::sample_report())["runs"][0]["results"];
  const json& ga = results[2];
  REQUIRE(ga["properties"]["key"] == "google-analytics:G-ABC123");
  CHECK(ga["message"]["text"] ==
        "reason of google-analytics:G-ABC123 (in GTM-AB12CD v42, tag 7 __googtag, fires on All "
        "Pages, ID from constant (macro 4))");
  CHECK(ga["properties"]["containers"] ==
        json({"GTM-AB12CD v42, tag 7 __googtag, fires on All Pages, ID from constant (macro 4)"}));
  CHECK_FALSE(results[0]["properties"].contains("containers"));
}
