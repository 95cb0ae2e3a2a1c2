#include "report/html_report.h"

#include <re2/re2.h>

#include <catch2/catch.hpp>

#include "report/html_assets.h"
#include "tests/report/report_fixtures.h"
#include "util/sha256.h"

namespace tagdrift::report {
namespace {

std::string html_of(const drift::Report& report, const drift::SiteHistory* history = nullptr) {
  std::ostringstream out;
  render_html(report, history, out);
  return out.str();
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::size_t count(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

drift::SiteHistory two_scans() {
  drift::SiteHistory history;
  history.scans = {{41, "2024-04-01T10:00:00Z", true, {0, 1, 0, 2, 0}},
                   {42, "2024-05-01T10:00:00Z", true, {1, 1, 1, 1, 1}}};
  history.tags = {{"meta:1234567890",
                   "meta",
                   "Meta Pixel",
                   "1234567890",
                   {drift::Presence::kPresent, drift::Presence::kPresent}}};
  history.events = {{41, "2024-04-01T10:00:00Z", drift::EventKind::kFirstSeen, "meta:1234567890",
                     "meta", "1234567890"}};
  return history;
}

TEST_CASE("html report: one document with the six sections in order") {
  const std::string html = html_of(testing::sample_report());
  CHECK(html.starts_with("<!DOCTYPE html>"));
  std::size_t at = 0;
  for (const char* id : {"id=\"summary\"", "id=\"findings-section\"", "id=\"history\"",
                         "id=\"pages\"", "id=\"set-aside\"", "id=\"method\""}) {
    const std::size_t found = html.find(id, at);
    CHECK(found != std::string::npos);
    at = found == std::string::npos ? at : found;
  }
  CHECK(count(html, "<tbody class=\"finding\"") == 5);
}

TEST_CASE("html report: the policy allows exactly the report's own script and style") {
  const std::string html = html_of(testing::sample_report());
  const std::string policy = html_content_security_policy();
  CHECK(has(html, "<meta http-equiv=\"Content-Security-Policy\" content=\"" + policy + "\">"));
  CHECK(has(policy, "default-src 'none'"));
  CHECK(has(policy, "script-src 'sha256-" + sha256_base64(kHtmlScript) + "'"));
  CHECK(has(policy, "style-src 'sha256-" + sha256_base64(kHtmlStyle) + "'"));
  CHECK_FALSE(has(policy, "unsafe"));
  CHECK(has(html, "<script>" + std::string(kHtmlScript) + "</script>"));
  CHECK(has(html, "<style>" + std::string(kHtmlStyle) + "</style>"));
  CHECK(count(html, "<script") == 1);
  CHECK(count(html, "<style") == 1);
}

TEST_CASE("html report: nothing loads: no src, no link, no style attribute, no remote URL") {
  drift::SiteHistory history = two_scans();
  const std::string html = html_of(testing::sample_report(), &history);
  CHECK_FALSE(RE2::PartialMatch(html, R"((?i)\s(src|href|srcset|action|style)\s*=)"));
  CHECK_FALSE(has(html, "<link"));
  CHECK_FALSE(has(html, "<img"));
  CHECK_FALSE(has(html, "@import"));
}

TEST_CASE("html report: hostile text from a page is escaped everywhere it appears") {
  drift::Report report = testing::hostile_report();
  report.findings[0].pages[0].evidence = std::string(
      "<script>alert(1)</script>\"><img src=x onerror=alert(2)>javascript:alert(3)"
      "\u2028");
  const std::string html = html_of(report);
  CHECK(count(html, "<script") == 1);
  CHECK_FALSE(has(html, "<img"));
  CHECK_FALSE(has(html, "</testcase>"));
  CHECK_FALSE(has(html, "\u2028"));
  CHECK(has(html, "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x"));
  CHECK_FALSE(has(html, "\x1b"));
}

TEST_CASE("html report: without a database the History section says there is no history") {
  const std::string html = html_of(testing::sample_report());
  CHECK(has(html, "id=\"no-history\""));
  CHECK_FALSE(has(html, "id=\"findings-chart\""));
}

TEST_CASE("html report: with history, a chart, a timeline per tag and the dated events") {
  drift::SiteHistory history = two_scans();
  const std::string html = html_of(testing::sample_report(), &history);
  CHECK_FALSE(has(html, "id=\"no-history\""));
  CHECK(has(html, "<svg id=\"findings-chart\" role=\"img\""));
  // Scan 41: high 1 and medium... as stacked bars, one rect per non-zero severity.
  CHECK(count(html, "<rect class=\"bar\"") == 2 + 5);
  CHECK(count(html, "<svg class=\"timeline\"") == 1);
  CHECK(has(html, "<table id=\"events\">"));
  CHECK(has(html, "2024-04-01 10:00 UTC"));
  CHECK(has(html, "first seen"));
}

TEST_CASE("html report: tables have column and row headers a screen reader can follow") {
  const std::string html = html_of(testing::sample_report());
  CHECK(count(html, "<th>") == 0);
  CHECK(count(html, "<th scope=\"row\">") >= 5);
}

TEST_CASE("html report: a long page list is collapsed, never cut") {
  drift::Report report = testing::sample_report();
  drift::Finding& finding = report.findings[0];
  finding.pages.clear();
  for (int i = 0; i < 500; ++i) {
    finding.pages.push_back(testing::make_finding_page("/p-" + std::to_string(i) + "/"));
  }
  const std::string html = html_of(report);
  for (int i : {0, 250, 499}) CHECK(has(html, "<li>/p-" + std::to_string(i) + "/</li>"));
  CHECK(has(html, "<details><summary>500 pages</summary>"));
}

}  // namespace
}  // namespace tagdrift::report
