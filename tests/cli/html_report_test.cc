// The HTML report of the example clinic site, made by the real `tagdrift` as a user makes it
// (`scan --format html`, `report --format html`) and opened from a file:// URL in headless
// Chromium over the DevTools pipe (the browser library's client): its sections, rows and charts,
// sorting and filtering, and a quiet console. A screenshot of it is kept in the build folder.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/cli/cli_run.h"
#include "tests/support/browser_page.h"
#include "tests/support/chromium.h"
#include "tests/support/temp_dir.h"

namespace fs = std::filesystem;
using nlohmann::json;
using tagdrift::testing::BrowserPage;
using tagdrift::testing::ChildResult;
using tagdrift::testing::read_file;
using tagdrift::testing::tagdrift_run;
using tagdrift::testing::TempDir;

namespace {

const std::string kSite = std::string(TAGDRIFT_SOURCE_DIR) + "/examples/clinic-site";
const std::string kBaseUrl = "https://www.example-clinic.test/";

// Scans the example site into DIR/history.db `times` times, the last with `last_flags`.
ChildResult scan_example(const TempDir& dir, int times,
                         const std::vector<std::string>& last_flags) {
  ChildResult run;
  for (int i = 0; i < times; ++i) {
    std::vector<std::string> args = {"scan",
                                     kSite,
                                     "--base-url",
                                     kBaseUrl,
                                     "--quiet",
                                     "--db",
                                     (dir.path() / "history.db").string()};
    if (i + 1 == times) args.insert(args.end(), last_flags.begin(), last_flags.end());
    run = tagdrift_run(args, dir.path());
  }
  return run;
}

void check_quiet(const BrowserPage& browser, const std::string& url) {
  for (const auto& error : browser.console_errors()) FAIL_CHECK(error);
  CHECK(browser.dialogs().empty());
  CHECK(browser.requests() == std::vector<std::string>{url});
}

// The findings table's rows, top to bottom: "<severity> <tag> <id>" of each shown row.
json shown_rows(BrowserPage& browser) {
  return browser.evaluate(
      "Array.from(document.querySelectorAll('#findings tbody.finding'))"
      ".filter(b => !b.hidden).map(b => b.dataset.severity + ' ' + b.rows[0].cells[2]"
      ".textContent.trim())");
}

TEST_CASE("html report: scan --format html writes one file; without a db it has no history") {
  TempDir dir;
  const fs::path file = dir.path() / "audit.html";
  ChildResult run = tagdrift_run({"scan", kSite, "--base-url", kBaseUrl, "--quiet", "--no-db",
                                  "--format", "html", "--output", file.string()},
                                 dir.path());
  INFO(run.err);
  CHECK(run.exit_code == 0);
  CHECK(run.out.empty());
  const std::string html = read_file(file);
  CHECK(html.starts_with("<!DOCTYPE html>"));
  CHECK(html.find("id=\"no-history\"") != std::string::npos);
  CHECK(html.find("Pinterest") != std::string::npos);
}

TEST_CASE("html report: an unknown format names html among the choices") {
  TempDir dir;
  ChildResult run = tagdrift_run(
      {"report", "--db", (dir.path() / "none.db").string(), "--format", "htm"}, dir.path());
  tagdrift::testing::check_refused(
      run, 2, "unknown --format 'htm' (expected text, json, markdown, junit, sarif or html)");
}

TEST_CASE("html report: the example site's report in Chromium: sections, history, sort, filter") {
  TempDir dir;
  ChildResult scanned =
      scan_example(dir, 3, {"--format", "html", "--output", (dir.path() / "scan.html").string()});
  INFO(scanned.err);
  REQUIRE(scanned.exit_code == 0);
  const fs::path file = dir.path() / "report.html";
  ChildResult run = tagdrift_run({"report", "--db", (dir.path() / "history.db").string(),
                                  "--format", "html", "--output", file.string()},
                                 dir.path());
  REQUIRE(run.exit_code == 0);
  // The scan's own report and the report of that scan from the history are the same document.
  CHECK(read_file(file) == read_file(dir.path() / "scan.html"));

  const auto options = tagdrift::testing::launch_options_for_test();
  if (!options) return;
  BrowserPage browser(*options);
  const std::string url = "file://" + file.string();
  browser.open(url);
  browser.settle();

  for (const char* id : {"summary", "findings", "history", "pages", "set-aside", "method",
                         "findings-chart", "timelines", "events", "settings"}) {
    INFO(id);
    CHECK(browser.evaluate(std::string("!!document.getElementById('") + id + "')") == true);
  }
  CHECK(browser.evaluate("document.querySelectorAll('#findings-chart rect.bar').length") > 0);
  CHECK(browser.evaluate("document.querySelectorAll('#scan-counts tbody tr').length") == 3);
  const json tags = browser.evaluate("document.querySelectorAll('#timelines tbody tr').length");
  CHECK(tags > 3);
  CHECK(browser.evaluate("document.querySelectorAll('svg.timeline').length") == tags);
  CHECK(browser.evaluate("document.querySelectorAll('svg.timeline rect.present').length") ==
        tags.get<int>() * 3);
  CHECK(browser.evaluate("document.querySelector('.verdict').textContent.length") > 20);

  const json initial = shown_rows(browser);
  REQUIRE(initial.size() > 3);
  CHECK(initial[0].get<std::string>().starts_with("critical"));

  SECTION("a header sorts the rows, again the other way") {
    browser.evaluate("document.querySelectorAll('#findings thead th button')[2].click()");
    json ascending = shown_rows(browser);
    CHECK(browser.evaluate("document.querySelectorAll('#findings thead th')[2]"
                           ".getAttribute('aria-sort')") == "ascending");
    std::vector<std::string> names;
    for (const auto& row : ascending) {
      const std::string text = row;
      names.push_back(text.substr(text.find(' ') + 1));
    }
    std::vector<std::string> sorted = names;
    std::sort(sorted.begin(), sorted.end(), [](std::string a, std::string b) {
      for (auto* s : {&a, &b}) std::transform(s->begin(), s->end(), s->begin(), ::tolower);
      return a < b;
    });
    CHECK(names == sorted);
    browser.evaluate("document.querySelectorAll('#findings thead th button')[2].click()");
    json descending = shown_rows(browser);
    std::reverse(descending.begin(), descending.end());
    CHECK(descending == ascending);
  }

  SECTION("the filters hide what does not match and say how many are shown") {
    browser.evaluate(
        "const s = document.getElementById('filter-severity'); s.value = 'critical';"
        "s.dispatchEvent(new Event('change'))");
    const json critical = shown_rows(browser);
    REQUIRE(critical.size() >= 1);
    CHECK(critical.size() < initial.size());
    for (const auto& row : critical) CHECK(row.get<std::string>().starts_with("critical "));
    CHECK(browser.evaluate("document.getElementById('filter-count').textContent") ==
          "Showing " + std::to_string(critical.size()) + " of " + std::to_string(initial.size()) +
              " tags");
    browser.evaluate(
        "const t = document.getElementById('filter-text'); t.value = 'no such tag';"
        "t.dispatchEvent(new Event('input'))");
    CHECK(shown_rows(browser).empty());
  }

  SECTION("with JavaScript off every row and section is still there") {
    BrowserPage plain(*options);
    plain.open(url, false);
    CHECK(plain.evaluate("document.querySelectorAll('#findings thead th button').length") == 0);
    CHECK(plain.evaluate("document.getElementById('filters').hidden") == true);
    CHECK(plain.evaluate("document.querySelectorAll('#findings tbody.finding').length") ==
          initial.size());
    CHECK(plain.evaluate("document.querySelectorAll('section h2').length") == 6);
  }
  check_quiet(browser, url);
}

}  // namespace

namespace {

// A page whose every readable part tries to run: title, script text around a real tag (what
// becomes its evidence), a form label, a link.
constexpr const char* kHostilePage =
    "<!doctype html><html><head><title>\"><img src=x onerror=alert('title')></title>\n"
    "<script>var a = \"<script>alert('s')<\\/script>\\\"><img src=x onerror=alert('i')>\";"
    "fbq('init', '1234567890'); var u = 'javascript:alert(1)'; /*\u2028*/ "
    "fbq('track', 'PageView');</script>\n"
    "</head><body><h1>Fertility treatment</h1><p>IVF appointments for patients.</p>"
    "<form><label for=e>\"><img src=x onerror=alert('label')></label>"
    "<input id=e type=email name=email></form>"
    "<a href=\"javascript:alert('href')\">x</a></body></html>\n";

TEST_CASE("html report: a hostile page's report runs nothing and requests nothing in Chromium") {
  TempDir dir;
  dir.write("site/index.html", kHostilePage);
  const fs::path file = dir.path() / "hostile.html";
  ChildResult run =
      tagdrift_run({"scan", (dir.path() / "site").string(), "--base-url", kBaseUrl, "--quiet",
                    "--no-db", "--format", "html", "--output", file.string()},
                   dir.path());
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  const std::string html = read_file(file);
  CHECK(html.find("1234567890") != std::string::npos);  // the tag was found, evidence and all
  const auto options = tagdrift::testing::launch_options_for_test();
  if (!options) return;
  BrowserPage browser(*options);
  const std::string url = "file://" + file.string();
  browser.open(url);
  browser.evaluate("document.querySelectorAll('details').forEach(d => d.open = true); true");
  browser.settle(std::chrono::milliseconds(500));
  check_quiet(browser, url);
  CHECK(browser.evaluate("document.querySelectorAll('img, iframe, a, [onerror]').length") == 0);
  CHECK(browser.evaluate("document.scripts.length") == 1);
}

TEST_CASE("html report: a screenshot of the example site's report is kept in the build folder") {
  const auto chromium = tagdrift::testing::chromium_for_test();
  if (!chromium) return;
  TempDir dir;
  REQUIRE(
      scan_example(dir, 2, {"--format", "html", "--output", (dir.path() / "report.html").string()})
          .exit_code == 0);
  const fs::path shot = fs::path(TAGDRIFT_BINARY).parent_path() / "html-report-example.png";
  fs::remove(shot);
  ChildResult run = tagdrift::testing::run_child(
      {chromium->string(), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
       "--user-data-dir=" + (dir.path() / "profile").string(), "--window-size=1280,4000",
       "--screenshot=" + shot.string(), "file://" + (dir.path() / "report.html").string()},
      dir.path());
  INFO(run.err);
  CHECK(run.exit_code == 0);
  REQUIRE(fs::exists(shot));
  CHECK(read_file(shot).starts_with("\x89PNG\r\n\x1a\n"));
}

}  // namespace
