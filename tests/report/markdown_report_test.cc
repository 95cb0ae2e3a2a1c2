#include "report/markdown_report.h"

#include <catch2/catch.hpp>

#include "tests/report/report_fixtures.h"

using namespace tagdrift;

namespace {

std::string markdown(const drift::Report& report, std::size_t max_pages = 5) {
  report::RenderOptions options;
  options.max_pages_shown = max_pages;
  return testing::render_to_string(report, report::Format::kMarkdown, options);
}

bool has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// `text` without the HTML the report itself writes (collapsed lists), which page text never
// gets to write.
std::string without_own_markup(std::string text) {
  for (const std::string tag : {"<details>", "</details>", "<summary>", "</summary>"}) {
    for (auto at = text.find(tag); at != std::string::npos; at = text.find(tag, at)) {
      text.erase(at, tag.size());
    }
  }
  return text;
}

// How many times `c` appears in `text` not escaped by a backslash (which may itself be escaped).
std::size_t unescaped(const std::string& text, char c) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\') {
      ++i;
    } else if (text[i] == c) {
      ++n;
    }
  }
  return n;
}

}  // namespace

TEST_CASE("markdown_report: the heading carries the verdict") {
  auto report = testing::sample_report();
  CHECK(
      markdown(report).starts_with("## tagdrift: failed (fail-on new) \u2014 1 new, 1 changed\n"));
  report.failed = false;
  CHECK(
      markdown(report).starts_with("## tagdrift: passed (fail-on new) \u2014 1 new, 1 changed\n"));
  report.fail_on = drift::FailOn::kNever;
  CHECK(markdown(report).starts_with("## tagdrift: 1 new, 1 changed\n"));
  report.findings.clear();
  CHECK(markdown(report).starts_with("## tagdrift: no new or changed tags\n"));
}

TEST_CASE("markdown_report: one table row per finding") {
  std::string out = markdown(testing::sample_report());
  INFO(out);
  CHECK(has(out,
            "| Severity | Status | Vendor | ID | Pages |\n|---|---|---|---|---:|\n"
            "| critical | new | Pinterest Tag | 2612345678901 | 7 |\n"
            "| high | changed | meta Tag | 1234567890 | 1 |\n"));
  CHECK(has(out, "| low | approved | unknown | cdn.example.net | 1 |\n"));
}

TEST_CASE("markdown_report: details for new and changed findings only") {
  std::string out = markdown(testing::sample_report(), 2);
  INFO(out);
  CHECK(has(out,
            "\n### New and changed\n\n#### new critical: Pinterest Tag 2612345678901\n\n"
            "- Why: advertising pixel on a health page, not consent-gated\n"));
  // Every page, collapsed, whatever max_pages_shown says: an audit needs them all.
  CHECK(has(out,
            "\n<details><summary>7 pages</summary>\n\n- /services/fertility/\n- /clinic-1\n"
            "- /clinic-2\n- /clinic-3\n- /clinic-4\n- /clinic-5\n- /clinic-6\n\n</details>\n"));
  CHECK_FALSE(has(out, "- and "));
  CHECK(has(out, "- Changed: now on 3 more pages\n"));
  CHECK(has(out, "- Policy: no advertising pixels on health pages\n"));
  CHECK_FALSE(has(out, "#### known"));
}

TEST_CASE("markdown_report: removed and commented-out tags and changed pages are listed") {
  std::string out = markdown(testing::sample_report());
  CHECK(has(out, "\n### Pages changed\n\n- /old: vanished\n"));
  CHECK(has(out, "\n### Removed\n\n- TikTok C123\n"));
  CHECK(has(out, "\n### Commented out (not active)\n\n- LinkedIn 12345 on 1 page:\n  - /about\n"));
}

TEST_CASE("markdown_report: hostile strings cannot break the table") {
  std::string out = markdown(testing::hostile_report());
  INFO(out);
  auto table = out.find("| Severity |");
  REQUIRE(table != std::string::npos);
  std::string row = out.substr(out.find("\n| critical", table) + 1);
  row = row.substr(0, row.find('\n'));
  CHECK(unescaped(row, '|') == 6);  // five cells: no more, no fewer
  CHECK(unescaped(out, '`') == 0);
  CHECK(unescaped(without_own_markup(out), '<') == 0);
  CHECK(unescaped(out, '[') == 0);
  CHECK_FALSE(has(out, "\xff"));
  CHECK_FALSE(has(out, "\r"));
  CHECK_FALSE(has(out, "\x1b"));
  CHECK_FALSE(has(out, "</testcase>"));
}

TEST_CASE("markdown_report: known and approved tags have their why and fix, collapsed") {
  std::string out = markdown(testing::sample_report());
  INFO(out);
  auto section = out.find("\n### Known and approved\n\n<details><summary>3 tags</summary>\n");
  REQUIRE(section != std::string::npos);
  CHECK(out.find("\n**known info: hotjar Tag 998877**\n\n- Why: reason of hotjar:998877\n"
                 "- Fix: remediation of hotjar:998877\n",
                 section) != std::string::npos);
  CHECK(out.find("**approved low: unknown cdn.example.net**", section) != std::string::npos);
  CHECK_FALSE(has(out, "#### known"));
}

TEST_CASE("markdown_report: failed and skipped pages are listed with why") {
  std::string out = markdown(testing::sample_report());
  CHECK(has(out,
            "\n### Pages not scanned\n\n- failed: /broken: HTTP 500\n"
            "- skipped: /brochure.pdf: not HTML\n"));
  auto report = testing::sample_report();
  report.pages.clear();
  CHECK_FALSE(has(markdown(report), "Pages not scanned"));
}

TEST_CASE("markdown_report: query variants of a path are one page, listed under it") {
  auto report = testing::sample_report();
  drift::Finding& meta = report.findings[1];
  meta.pages = {testing::make_finding_page("/appointments/"),
                testing::make_finding_page("/appointments/?service=ivf"),
                testing::make_finding_page("/appointments/?service=skin"),
                testing::make_finding_page("/contact/")};
  std::string out = markdown(report);
  INFO(out);
  CHECK(has(out, "| high | changed | meta Tag | 1234567890 | 2 |\n"));
  CHECK(has(out,
            "<details><summary>2 pages</summary>\n\n- /appointments/\n"
            "  - /appointments/?service=ivf\n  - /appointments/?service=skin\n- /contact/\n"));
}

TEST_CASE("markdown_report: a tag from a container names it; a new version is noted") {
  std::string out = markdown(testing::sample_report());
  INFO(out);
  CHECK(out.find("- Why: reason of google-analytics:G-ABC123\n- Container: GTM-AB12CD v42, tag 7 "
                 "\\_\\_googtag, fires on All Pages, ID from constant \\(macro 4\\)\n") !=
        std::string::npos);
  CHECK(out.find("\nContainers: GTM-AB12CD version 41 \u2192 42.\n") != std::string::npos);
}
