// Every report format lists the scripts a scan could not read in full, and those it reads again.
#include "report/unread_report.h"

#include <catch2/catch.hpp>
#include <string>

#include "drift/fail_on.h"
#include "tests/report/report_fixtures.h"

using namespace tagdrift;
using nlohmann::json;

namespace {

const std::string kApp = std::string(testing::kSite) + "/js/app.js";
const std::string kFixed = std::string(testing::kSite) + "/js/fixed.js";

drift::Report with_unread(bool gate) {
  drift::Report report;
  report.scan.id = 3, report.scan.site = testing::kSite, report.scan.complete = true;
  std::vector<std::string> pages;
  for (const char* path : {"/", "/a/", "/b/", "/c/", "/d/"}) {
    pages.push_back(std::string(testing::kSite) + path);
  }
  report.unread_scripts = {
      {kApp, "too-large", "6291456 bytes, over the limit of 4194304", pages, true}};
  report.read_again = {kFixed};
  if (gate) drift::apply_fail_on_unread(report);
  return report;
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("unread report: text warns under the summary and lists each script with its pages") {
  std::string out = testing::render_to_string(with_unread(false), report::Format::kText);
  INFO(out);
  CHECK(has(out, "warning: 1 script not read in full: tags in them were not seen\n"));
  CHECK(has(out, "\nScripts not read in full (1)\n  " + kApp +
                     "  too-large: 6291456 bytes, over the limit of 4194304  (new since the last "
                     "scan)\n    loaded by /, /a/, /b/ and 2 more\n"));
  CHECK(has(out, "\nScripts read again since the last scan (1)\n  " + kFixed + "\n"));
}

TEST_CASE("unread report: markdown, JUnit and SARIF say it too; the gate makes it a failure") {
  std::string markdown = testing::render_to_string(with_unread(false), report::Format::kMarkdown);
  CHECK(has(markdown, "### Scripts not read in full (1)"));
  CHECK(has(markdown, "### Scripts read again since the last scan"));
  std::string skipped = testing::render_to_string(with_unread(false), report::Format::kJunit);
  CHECK(has(skipped, "tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"1\""));
  std::string failed = testing::render_to_string(with_unread(true), report::Format::kJunit);
  INFO(failed);
  CHECK(has(failed, "tests=\"1\" failures=\"1\" errors=\"0\" skipped=\"0\""));
  CHECK(has(failed, "<property name=\"fail_on\" value=\"unread\"/>"));
  CHECK(has(failed, "type=\"unread\""));
  json sarif = json::parse(testing::render_to_string(with_unread(true), report::Format::kSarif));
  const json& notes = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"];
  REQUIRE(notes.size() == 2);
  CHECK(notes[0]["level"] == "error");
  CHECK(notes[1]["level"] == "note");
  json document = json::parse(testing::render_to_string(with_unread(true), report::Format::kJson));
  CHECK(document["unread_scripts"][0]["pages"].size() == 5);
  CHECK(document["read_again"] == json::array({kFixed}));
  CHECK(document["gate"]["fail_on"] == "unread");
}
