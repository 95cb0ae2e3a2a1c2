// The HTML report in a real browser (Debian's headless Chromium over the DevTools pipe), opened
// from a file:// URL as a mail attachment is: what it runs, what it requests, what it shows.
#include <catch2/catch.hpp>
#include <fstream>

#include "report/html_report.h"
#include "tests/report/report_fixtures.h"
#include "tests/support/browser_page.h"
#include "tests/support/chromium.h"
#include "tests/support/temp_dir.h"

namespace tagdrift::report {
namespace {

using testing::BrowserPage;

// Every way a page's text could try to run in the report, in one evidence string.
const std::string kPayload =
    "<script>alert('script')</script>\"><img src=x onerror=alert('img')>"
    "<a href=\"javascript:alert('href')\">x</a>javascript:alert('url')\u2028"
    "<svg onload=alert('svg')></svg><iframe src=\"https://evil.test/\"></iframe>";

std::string write_report(const testing::TempDir& dir, const drift::Report& report,
                         const drift::SiteHistory* history) {
  const auto path = dir.path() / "report.html";
  std::ofstream out(path, std::ios::binary);
  render_html(report, history, out);
  return "file://" + path.string();
}

drift::SiteHistory history_of(const drift::Report& report) {
  drift::SiteHistory history;
  history.scans = {{report.scan.id - 1, "2024-04-01T10:00:00Z", true, {0, 1, 0, 2, 0}},
                   {report.scan.id, "2024-05-01T10:00:00Z", true, {1, 1, 1, 1, 1}}};
  for (const auto& finding : report.findings) {
    history.tags.push_back({finding.key,
                            finding.vendor,
                            finding.product,
                            finding.tag_id,
                            {drift::Presence::kAbsent, drift::Presence::kPresent}});
  }
  return history;
}

void check_quiet(const BrowserPage& browser, const std::string& url) {
  for (const auto& error : browser.console_errors()) FAIL_CHECK(error);
  for (const auto& dialog : browser.dialogs()) FAIL_CHECK("dialog: " << dialog);
  // The one request: the report itself.
  CHECK(browser.requests() == std::vector<std::string>{url});
}

TEST_CASE("html browser: a page's hostile text runs nothing, requests nothing, reads as text") {
  const auto options = testing::launch_options_for_test();
  if (!options) return;
  testing::TempDir dir;
  drift::Report report = testing::hostile_report();
  for (auto& finding : report.findings) {
    for (auto& page : finding.pages) page.evidence = kPayload, page.url = kPayload;
    finding.reason = kPayload;
  }
  report.commented = {{kPayload, kPayload, kPayload, {kPayload}}};
  const drift::SiteHistory history = history_of(report);
  const std::string url = write_report(dir, report, &history);

  BrowserPage browser(*options);
  browser.open(url);
  browser.evaluate(
      "document.querySelectorAll('details').forEach(d => d.open = true); "
      "document.querySelectorAll('th button').forEach(b => b.click()); true");
  browser.settle(std::chrono::milliseconds(500));
  check_quiet(browser, url);
  CHECK(browser.evaluate(
            "document.querySelectorAll('img, iframe, a[href], svg [onload]').length") == 0);
  CHECK(browser.evaluate("document.scripts.length") == 1);
  // Shown as written (but for U+2028, kept as the character it is).
  CHECK(browser.evaluate("document.body.textContent.includes(" + nlohmann::json(kPayload).dump() +
                         ")") == true);
}

TEST_CASE("html browser: the sample report's own script runs under its policy, without errors") {
  const auto options = testing::launch_options_for_test();
  if (!options) return;
  testing::TempDir dir;
  const drift::Report report = testing::sample_report();
  const drift::SiteHistory history = history_of(report);
  const std::string url = write_report(dir, report, &history);
  BrowserPage browser(*options);
  browser.open(url);
  browser.settle();
  check_quiet(browser, url);
  // Only the script makes the filters visible and the headers buttons: it ran.
  CHECK(browser.evaluate("document.getElementById('filters').hidden") == false);
  CHECK(browser.evaluate("document.querySelectorAll('#findings thead th button').length") == 9);
  CHECK(browser.evaluate("document.getElementById('filter-count').textContent") ==
        "Showing 5 of 5 tags");
}

}  // namespace
}  // namespace tagdrift::report
