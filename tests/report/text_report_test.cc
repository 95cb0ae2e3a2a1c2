#include "report/text_report.h"

#include <catch2/catch.hpp>

#include "tests/report/report_fixtures.h"

using namespace tagdrift;
using report::Format;

namespace {

std::string text(const drift::Report& report, bool color = false, std::size_t max_pages = 5) {
  report::RenderOptions options;
  options.color = color;
  options.max_pages_shown = max_pages;
  return testing::render_to_string(report, Format::kText, options);
}

bool has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("text_report: the summary says what drifted, how bad and where, first") {
  std::string out = text(testing::sample_report());
  INFO(out);
  CHECK(out.starts_with(
      "tagdrift scan 42 of https://www.clinic.test (compared with scan 41): 120 pages crawled, "
      "1 failed, 1 skipped\n"
      "1 new, 1 changed, 1 removed; worst: critical \u2014 Pinterest Tag 2612345678901 on "
      "/services/fertility/ (+6 more pages)\n"
      "gate (--fail-on new): FAILED\n"
      "  - pinterest:2612345678901: new\n"));
}

TEST_CASE("text_report: nothing drifted says so, and a passing gate says passed") {
  auto report = testing::sample_report();
  report.findings.erase(report.findings.begin(), report.findings.begin() + 2);
  report.removed.clear();
  report.failed = false;
  report.failing.clear();
  std::string out = text(report);
  CHECK(has(out, "\nnothing new or changed; 2 known, 1 approved\ngate (--fail-on new): passed\n"));
  report.fail_on = drift::FailOn::kNever;
  CHECK_FALSE(has(text(report), "gate ("));
}

TEST_CASE("text_report: findings are grouped by status, one line each with their details") {
  std::string out = text(testing::sample_report());
  INFO(out);
  auto new_at = out.find("\nNew (1)\n"), changed_at = out.find("\nChanged (1)\n");
  auto known_at = out.find("\nKnown and approved (3)\n");
  REQUIRE(new_at < changed_at);
  REQUIRE(changed_at < known_at);
  CHECK(has(out,
            "  CRITICAL  Pinterest Tag 2612345678901  [advertising]  7 pages, not consent-gated\n"
            "      why: advertising pixel on a health page, not consent-gated\n"
            "      fix: remove the Pinterest Tag from health pages or gate it on consent\n"
            "      https://www.clinic.test/services/fertility/  (script-inline, noscript-img) via "
            "https://www.clinic.test/gtm.js\n"));
  CHECK(has(out,
            "      changed: now on 3 more pages\n      changed: enhanced match turned on\n"
            "      policy: no advertising pixels on health pages\n"
            "      fix: remediation of meta:1234567890\n"));
  CHECK(has(out,
            "  MEDIUM    google-analytics Tag G-ABC123  [advertising]  1 page, consent-gated\n"));
  CHECK(has(out,
            "  LOW       unknown cdn.example.net  [advertising]  1 page, not consent-gated, "
            "approved\n"));
  CHECK_FALSE(has(out, "fix: remediation of google-analytics"));  // known: no remediation
}

TEST_CASE("text_report: at most max_pages_shown pages per finding") {
  std::string out = text(testing::sample_report(), false, 2);
  CHECK(has(out, "/clinic-1  ("));
  CHECK_FALSE(has(out, "/clinic-2  ("));
  CHECK(has(out, "      ... and 5 more pages\n"));
  CHECK(has(text(testing::sample_report()), "      ... and 2 more pages\n"));
}

TEST_CASE("text_report: removed, commented, changed and unscanned pages close the report") {
  std::string out = text(testing::sample_report());
  CHECK(has(out, "\nRemoved since scan 41 (1)\n  TikTok C123  (tiktok:C123)\n"));
  CHECK(has(out,
            "\nCommented out (not active)\n  LinkedIn 12345  on https://www.clinic.test/about\n"));
  CHECK(has(out, "\nPages changed since scan 41\n  https://www.clinic.test/old  vanished\n"));
  CHECK(has(out,
            "\nPages not scanned\n  failed   https://www.clinic.test/broken  HTTP 500\n"
            "  skipped  https://www.clinic.test/brochure.pdf  not HTML\n"));
}

TEST_CASE("text_report: plain text has no escape codes, colour paints severities") {
  std::string plain = text(testing::sample_report());
  CHECK_FALSE(has(plain, "\033"));
  std::string colored = text(testing::sample_report(), true);
  CHECK(has(colored, "\033[31mCRITICAL\033[0m"));
  CHECK(has(colored, "\033[31mHIGH    \033[0m"));
  CHECK(has(colored, "\033[33mMEDIUM  \033[0m"));
  CHECK(has(colored, "\033[2mLOW     \033[0m"));
  CHECK(has(colored, "\033[2mINFO    \033[0m"));
  CHECK(has(colored, "worst: \033[31mcritical\033[0m"));
  CHECK(has(colored, "\033[31mFAILED\033[0m"));
}

TEST_CASE("text_report: hostile strings cannot reach the terminal raw") {
  std::string plain = text(testing::hostile_report());
  CHECK_FALSE(has(plain, "\033"));
  CHECK_FALSE(has(plain, "\r"));
  CHECK_FALSE(has(plain, "\x01"));
  CHECK_FALSE(has(plain, "\xff"));
  CHECK_FALSE(has(plain, "\xC2\x85"));
  std::string colored = text(testing::hostile_report(), true);
  CHECK(has(colored, "\xEF\xBF\xBD[31m"));
}

TEST_CASE("text_report: query variants of a path count as one page, listed under it") {
  auto report = testing::sample_report();
  drift::Finding& meta = report.findings[1];
  meta.pages = {testing::make_finding_page("/appointments/"),
                testing::make_finding_page("/appointments/?service=ivf"),
                testing::make_finding_page("/contact/")};
  std::string out = text(report);
  INFO(out);
  CHECK(has(out, "  HIGH      meta Tag 1234567890  [advertising]  2 pages, not consent-gated\n"));
  CHECK(has(out,
            "      https://www.clinic.test/appointments/  (script-inline, noscript-img)\n"
            "        https://www.clinic.test/appointments/?service=ivf  (script-inline, "
            "noscript-img)\n"
            "      https://www.clinic.test/contact/  (script-inline, noscript-img)\n"));
}

TEST_CASE("text_report: a tag from a container names the container and tag once per finding") {
  auto report = testing::sample_report();
  drift::Finding& ga = report.findings[2];
  REQUIRE(ga.key == "google-analytics:G-ABC123");
  // Two more pages with the same origin, one with another: two lines, not one per page.
  for (const char* path : {"/a", "/b", "/c"}) {
    ga.pages.push_back(testing::make_finding_page(path));
    ga.pages.back().container = ga.pages.front().container;
  }
  ga.pages.back().container =
      storage::ContainerOriginRecord{"GTM-ZZ99", "", 3, "__gaawc", "with tag 2", "literal"};
  std::string out = text(report);
  INFO(out);
  CHECK(has(out,
            "  MEDIUM    google-analytics Tag G-ABC123  [advertising]  4 pages, consent-gated\n"
            "      why: reason of google-analytics:G-ABC123\n"
            "      container: GTM-AB12CD v42, tag 7 __googtag, fires on All Pages, ID from "
            "constant (macro 4)\n"
            "      container: GTM-ZZ99, tag 3 __gaawc, fires with tag 2, ID written in the tag\n"
            "      https://www.clinic.test/page-of-G-ABC123  (script-inline, noscript-img)\n"));
}

TEST_CASE("text_report: a container published at a new version is noted after the gate") {
  auto report = testing::sample_report();
  std::string out = text(report);
  CHECK(has(out,
            "  - meta:1234567890: changed; policy: no advertising pixels on health pages\n"
            "containers: GTM-AB12CD version 41 \u2192 42\n"));
  report.containers[0].previous_version = "42";  // the same version: nothing to note
  CHECK_FALSE(has(text(report), "containers:"));
  report.containers[0].previous_version = "";  // the previous scan did not read it
  CHECK_FALSE(has(text(report), "containers:"));
}
