#include "report/report.h"

#include <catch2/catch.hpp>

#include "report/json_report.h"
#include "report/sarif_report.h"
#include "tests/report/report_fixtures.h"
#include "util/error.h"

using namespace tagdrift;
using report::Format;

TEST_CASE("report: parse_format knows every format by its flag name") {
  CHECK(report::parse_format("text") == Format::kText);
  CHECK(report::parse_format("json") == Format::kJson);
  CHECK(report::parse_format("markdown") == Format::kMarkdown);
  CHECK(report::parse_format("junit") == Format::kJunit);
  CHECK(report::parse_format("sarif") == Format::kSarif);
}

TEST_CASE("report: parse_format refuses anything else as a usage error naming the choices") {
  for (const char* name : {"xml", "JSON", "", "md"}) {
    try {
      report::parse_format(name);
      FAIL("no error for " << name);
    } catch (const Error& error) {
      CHECK(error.code() == ExitCode::kUsage);
      CHECK(std::string(error.what()) ==
            "unknown --format '" + std::string(name) +
                "' (expected text, json, markdown, junit, sarif or html)");
    }
  }
}

TEST_CASE("report: render dispatches to each format") {
  auto report = testing::sample_report();
  auto json_text = testing::render_to_string(report, Format::kJson);
  CHECK(nlohmann::json::parse(json_text) == report::to_json(report));
  auto sarif_text = testing::render_to_string(report, Format::kSarif);
  CHECK(nlohmann::json::parse(sarif_text) == report::to_sarif(report));
  CHECK(testing::render_to_string(report, Format::kText).starts_with("tagdrift scan 42"));
  CHECK(testing::render_to_string(report, Format::kMarkdown).starts_with("## tagdrift:"));
  CHECK(testing::render_to_string(report, Format::kJunit).starts_with("<?xml"));
}

TEST_CASE("report: every format renders an empty first scan") {
  drift::Report empty;
  empty.scan.id = 1;
  empty.scan.site = testing::kSite;
  for (Format format :
       {Format::kText, Format::kJson, Format::kMarkdown, Format::kJunit, Format::kSarif}) {
    CHECK_FALSE(testing::render_to_string(empty, format).empty());
  }
  CHECK(testing::render_to_string(empty, Format::kText).find("first scan of this site") !=
        std::string::npos);
}
