// The real `tagdrift scan` three nights running on a site whose pages fail in between: a page or
// a script that answers 503 is not a page without tags. The middle scan says "not verified",
// never "removed" or "new"; the healthy scan after it says nothing. A 404 is a real removal.
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "tests/cli/cli_run.h"
#include "tests/cli/switchable_site.h"
#include "tests/report/schema_check.h"
#include "tests/support/temp_dir.h"

namespace fs = std::filesystem;
using nlohmann::json;
using tagdrift::testing::ChildResult;
using tagdrift::testing::SwitchableSite;
using tagdrift::testing::TempDir;

namespace {

const char* kPinterestKey = "pinterest:2612345678901";
const char* kTikTokKey = "tiktok:CRF8I2BC77UD2MA14E3G";
const char* kGaKey = "google-analytics:G-AB12CD34EF";  // also on the pages that stay up
const char* kGa =
    "<script async src='https://www.googletagmanager.com/gtag/js?id=G-AB12CD34EF'></script>"
    "<script>gtag('config', 'G-AB12CD34EF');</script>";
const char* kPinterest = "<script>pintrk('load', '2612345678901'); pintrk('page');</script>";
const char* kMeta = "<script>fbq('init', '4836152907314682'); fbq('track', 'PageView');</script>";
// A first-party bundle the detectors fetch and read: the TikTok pixel lives only in it.
const char* kBundle = "ttq.load('CRF8I2BC77UD2MA14E3G'); ttq.page();";

std::string page(const std::string& title, const std::string& head, const std::string& body) {
  return "<!doctype html><html><head><title>" + title + "</title>" + head + "</head><body><h1>" +
         title + "</h1>" + body + "</body></html>";
}

// Home links to two fertility pages with the Pinterest Tag and to an about page whose bundle
// carries the TikTok pixel.
void healthy(SwitchableSite& site, const std::string& home_extra = "") {
  site.set("/", 200,
           page("Clinic", std::string(kGa) + home_extra,
                "<a href='/services/ivf/'>IVF</a><a href='/services/egg-freezing/'>Egg "
                "freezing</a><a href='/about/'>About</a>"));
  site.set("/services/ivf/", 200,
           page("IVF and fertility treatment", std::string(kGa) + kPinterest, ""));
  site.set("/services/egg-freezing/", 200,
           page("Egg freezing and fertility", std::string(kGa) + kPinterest, ""));
  site.set("/about/", 200,
           page("About us", std::string(kGa) + "<script src='/js/site.js'></script>", ""));
  site.set("/js/site.js", 200, kBundle, "application/javascript");
}

void failing(SwitchableSite& site, int status) {
  site.set("/services/ivf/", status, "unavailable");
  site.set("/services/egg-freezing/", status, "unavailable");
  site.set("/js/site.js", status, "unavailable", "text/plain");
}

struct Night {
  ChildResult run;
  json report;
};

// `gate`: with --fail-on new. The first scan of each test runs without it, as a site's history
// starts: a scan that fails that gate is no baseline for the next.
Night scan(const SwitchableSite& site, const TempDir& dir, const std::string& name,
           bool gate = true) {
  const fs::path out = dir.path() / (name + ".json");
  std::vector<std::string> argv = {TAGDRIFT_BINARY, "scan", site.url("/"), "--db",
                                   (dir.path() / "history.db").string(), "--quiet", "--retries",
                                   "0", "--fail-on", gate ? "new" : "never", "--format", "json",
                                   "--output", out.string(),
                                   // The pages' Google tag is fetched as a container: refused
                                   // on loopback, never from the internet, so it stays unread.
                                   "--connect-to", "www.googletagmanager.com:443:127.0.0.1:1"};
  Night night{tagdrift::testing::run_child(argv, dir.path(), {}, std::chrono::seconds(60)), {}};
  if (fs::exists(out)) night.report = json::parse(tagdrift::testing::read_file(out));
  auto check = tagdrift::testing::check_against_schema(night.report);
  INFO(check.output);
  CHECK(check.exit_status == 0);
  return night;
}

std::string stored_report(const TempDir& dir, const std::string& format) {
  const fs::path out = dir.path() / ("stored." + format);
  ChildResult run = tagdrift::testing::run_child(
      {TAGDRIFT_BINARY, "report", "--db", (dir.path() / "history.db").string(), "--format", format,
       "--output", out.string()},
      dir.path(), {}, std::chrono::seconds(60));
  INFO(run.err);
  CHECK(run.err.empty());
  return tagdrift::testing::read_file(out);
}

std::set<std::string> keys_of(const json& items) {
  std::set<std::string> keys;
  for (const json& item : items) keys.insert(item.at("key").get<std::string>());
  return keys;
}

std::set<std::string> drifted(const json& report) {
  std::set<std::string> keys;
  for (const json& finding : report.at("findings")) {
    if (finding.at("status") == "new" || finding.at("status") == "changed")
      keys.insert(finding.at("key").get<std::string>());
  }
  return keys;
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("unverified: healthy, then pages and a bundle answer 503, then healthy again") {
  SwitchableSite site;
  healthy(site);
  TempDir dir;
  Night first = scan(site, dir, "first", /*gate=*/false);
  INFO(first.run.err);
  REQUIRE(first.run.exit_code == 0);
  REQUIRE(keys_of(first.report.at("findings")).count(kPinterestKey) == 1);
  REQUIRE(keys_of(first.report.at("findings")).count(kTikTokKey) == 1);

  failing(site, 503);
  Night middle = scan(site, dir, "middle");
  INFO(middle.run.err << middle.report.dump(2));
  CHECK(middle.run.exit_code == 0);  // not verified is neither new nor a failure of the gate
  CHECK(middle.report.at("removed").empty());
  CHECK(drifted(middle.report).empty());
  CHECK(keys_of(middle.report.at("unverified")) ==
        std::set<std::string>{kGaKey, kPinterestKey, kTikTokKey});
  CHECK(middle.report.at("unverified").at(1).at("pages") ==
        json::array({site.url("/services/egg-freezing/"), site.url("/services/ivf/")}));
  CHECK(middle.report.at("failed_pages").size() == 2);
  CHECK(middle.report.at("page_changes").at(0).at("change") == "broke: HTTP 503");
  CHECK(middle.report.at("gate").at("failed") == false);

  // The stored middle scan, in every other format: not verified, and which pages failed.
  const std::string text = stored_report(dir, "text");
  INFO(text);
  CHECK(has(text, "INCOMPLETE SCAN: 2 pages failed"));
  CHECK(
      has(text, "  " + site.url("/services/ivf/") + "  HTTP 503  (its tags were not verified)\n"));
  CHECK(has(text, "\nNot verified in this scan (3)\n"));
  CHECK_FALSE(has(text, "Removed"));
  CHECK_FALSE(has(text, "\nNew ("));
  const std::string markdown = stored_report(dir, "markdown");
  CHECK(has(markdown, "### Incomplete: 2 pages failed"));
  CHECK(has(markdown, "### Not verified in this scan"));
  CHECK_FALSE(has(markdown, "### Removed"));
  const std::string junit = stored_report(dir, "junit");
  CHECK(has(junit, "<testcase classname=\"tagdrift.page\" name=\"" + site.url("/services/ivf/")));
  CHECK(has(junit, std::string("name=\"") + kPinterestKey + " (not verified)\""));
  const json sarif = json::parse(stored_report(dir, "sarif"));
  // 2 failed pages, 3 unverified tags, the bundle that answered 503 and the Google tag that
  // could not be fetched, not read.
  CHECK(sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"].size() == 7);

  healthy(site);
  Night last = scan(site, dir, "last");
  INFO(last.run.err << last.report.dump(2));
  CHECK(last.run.exit_code == 0);
  CHECK(drifted(last.report).empty());
  CHECK(last.report.at("removed").empty());
  CHECK(last.report.at("unverified").empty());
  CHECK(last.report.at("page_changes").empty());
  CHECK(last.report.at("failed_pages").empty());
}

TEST_CASE("unverified: a new tag on a healthy page still fails the gate while others fail") {
  SwitchableSite site;
  healthy(site);
  TempDir dir;
  REQUIRE(scan(site, dir, "first", /*gate=*/false).run.exit_code == 0);
  failing(site, 503);
  healthy(site, kMeta);  // the marketer adds Meta on the home page...
  failing(site, 503);    // ...while the fertility pages and the bundle are down
  Night middle = scan(site, dir, "middle");
  INFO(middle.run.err << middle.report.dump(2));
  CHECK(middle.run.exit_code == 1);
  CHECK(drifted(middle.report) == std::set<std::string>{"meta:4836152907314682"});
  CHECK(middle.report.at("removed").empty());
  CHECK(keys_of(middle.report.at("unverified")) ==
        std::set<std::string>{kGaKey, kPinterestKey, kTikTokKey});
}

TEST_CASE("unverified: pages and a bundle that answer 404 are a real removal") {
  SwitchableSite site;
  healthy(site);
  TempDir dir;
  REQUIRE(scan(site, dir, "first", /*gate=*/false).run.exit_code == 0);
  failing(site, 404);
  Night gone = scan(site, dir, "gone");
  INFO(gone.run.err << gone.report.dump(2));
  CHECK(gone.run.exit_code == 0);  // a removal is not new
  CHECK(keys_of(gone.report.at("removed")) == std::set<std::string>{kPinterestKey, kTikTokKey});
  CHECK(gone.report.at("unverified").empty());
  CHECK(gone.report.at("page_changes") ==
        json::array({{{"url", site.url("/services/egg-freezing/")}, {"change", "gone: HTTP 404"}},
                     {{"url", site.url("/services/ivf/")}, {"change", "gone: HTTP 404"}}}));
}

TEST_CASE("unverified: a bundle that keeps failing keeps its tags unverified, scan after scan") {
  SwitchableSite site;
  healthy(site);
  TempDir dir;
  REQUIRE(scan(site, dir, "first", /*gate=*/false).run.exit_code == 0);
  site.set("/js/site.js", 503, "unavailable", "text/plain");
  for (const char* night : {"second", "third"}) {  // the third reuses the unchanged about page
    Night down = scan(site, dir, night);
    INFO(night << ": " << down.run.err << down.report.dump(2));
    CHECK(down.run.exit_code == 0);
    CHECK(down.report.at("removed").empty());
    CHECK(drifted(down.report).empty());
    CHECK(keys_of(down.report.at("unverified")) == std::set<std::string>{kTikTokKey});
    for (const json& page : down.report.at("pages")) {
      if (page.at("url") == site.url("/about/")) CHECK(page.at("reused") == (night[0] == 't'));
    }
  }
  healthy(site);
  Night back = scan(site, dir, "back");
  INFO(back.run.err << back.report.dump(2));
  CHECK(back.run.exit_code == 0);
  CHECK(drifted(back.report).empty());
  CHECK(back.report.at("unverified").empty());
  CHECK(back.report.at("removed").empty());
}
