// The real `tagdrift scan` on sites whose scripts it cannot read in full: nothing is skipped in
// silence. A bundle over the size limit, a 404, a "script" served as HTML, more scripts than a
// page may follow and a container that does not decode are each reported as unread, in every
// format and in the history; --fail-on unread fails on them; a rescan says when a script is read
// again or newly unread.
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
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

constexpr const char* kJs = "application/javascript";
constexpr const char* kMetaKey = "meta:1403287593103673";
constexpr std::size_t kSixMegabytes = 6u << 20;

// A first-party bundle of `size` bytes of plain code whose last line is a Meta Pixel init.
std::string bundle_with_meta_at_end(std::size_t size) {
  const std::string init = "\nfbq('init', '1403287593103673'); fbq('track', 'PageView');\n";
  std::string body;
  body.reserve(size);
  const std::string filler = "function f(a){return a+1;}var x=[1,2,3].map(f);\n";
  while (body.size() + filler.size() + init.size() <= size) body += filler;
  body.append(size - body.size() - init.size(), ' ');
  return body + init;
}

std::string page_loading(const std::vector<std::string>& scripts) {
  std::string head;
  for (const std::string& src : scripts) head += "<script src='" + src + "'></script>";
  return "<!doctype html><html><head><title>Clinic</title>" + head +
         "</head><body><h1>Clinic</h1></body></html>";
}

struct Run {
  ChildResult run;
  json report;
};

// `tagdrift scan URL --format json` with `extra` flags, the report checked against the schema.
Run scan(const SwitchableSite& site, const TempDir& dir, const std::string& name,
         const std::vector<std::string>& extra = {}) {
  const fs::path out = dir.path() / (name + ".json");
  std::vector<std::string> argv = {
      TAGDRIFT_BINARY, "scan",      site.url("/"), "--db",     (dir.path() / "history.db").string(),
      "--quiet",       "--retries", "0",           "--format", "json",
      "--output",      out.string()};
  argv.insert(argv.end(), extra.begin(), extra.end());
  Run result{tagdrift::testing::run_child(argv, dir.path(), {}, std::chrono::seconds(120)), {}};
  if (fs::exists(out)) result.report = json::parse(tagdrift::testing::read_file(out));
  auto check = tagdrift::testing::check_against_schema(result.report);
  INFO(check.output);
  CHECK(check.exit_status == 0);
  return result;
}

ChildResult run(const TempDir& dir, std::vector<std::string> args) {
  args.insert(args.begin(), TAGDRIFT_BINARY);
  return tagdrift::testing::run_child(args, dir.path(), {}, std::chrono::seconds(60));
}

std::string stored_report(const TempDir& dir, const std::string& format) {
  const fs::path out = dir.path() / ("stored." + format);
  ChildResult done = run(dir, {"report", "--db", (dir.path() / "history.db").string(), "--format",
                               format, "--output", out.string()});
  INFO(done.err);
  CHECK(done.exit_code == 0);
  return tagdrift::testing::read_file(out);
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

bool has_finding(const json& report, const std::string& key) {
  for (const json& finding : report.at("findings")) {
    if (finding.at("key") == key) return true;
  }
  return false;
}

// The report's unread scripts by URL.
std::map<std::string, json> unread_of(const json& report) {
  std::map<std::string, json> by_url;
  for (const json& script : report.at("unread_scripts")) by_url[script.at("url")] = script;
  return by_url;
}

}  // namespace

TEST_CASE("unread: a 6 MB bundle ending in a Meta Pixel init is read with the default limit") {
  SwitchableSite site;
  site.set("/", 200, page_loading({"/js/app.js"}));
  site.set("/js/app.js", 200, bundle_with_meta_at_end(kSixMegabytes), kJs);
  TempDir dir;
  Run found = scan(site, dir, "found", {"--fail-on", "new,unread"});
  INFO(found.run.err);
  CHECK(has_finding(found.report, kMetaKey));
  CHECK(found.report.at("unread_scripts").empty());
  CHECK(found.run.exit_code == 1);  // new, not unread
  CHECK(found.run.err == "tagdrift: --fail-on new,unread met by 1 finding\n");
}

TEST_CASE("unread: a bundle over the limit is reported, and fails only --fail-on unread") {
  SwitchableSite site;
  site.set("/", 200, page_loading({"/js/app.js"}));
  site.set("/js/app.js", 200, bundle_with_meta_at_end(kSixMegabytes), kJs);
  TempDir dir;
  Run quiet = scan(site, dir, "quiet", {"--max-script-bytes", "4M"});
  INFO(quiet.run.err << quiet.report.dump(2));
  CHECK(quiet.run.exit_code == 0);
  CHECK_FALSE(has_finding(quiet.report, kMetaKey));
  REQUIRE(quiet.report.at("unread_scripts").size() == 1);
  const json& script = quiet.report.at("unread_scripts").at(0);
  CHECK(script.at("url") == site.url("/js/app.js"));
  CHECK(script.at("reason") == "too-large");
  CHECK(script.at("detail") == "over the limit of 4194304 bytes");
  CHECK(script.at("pages") == json::array({site.url("/")}));
  CHECK(script.at("new") == false);  // a first scan has nothing to compare with

  const std::string text = stored_report(dir, "text");
  INFO(text);
  CHECK(has(text, "warning: 1 script not read in full: tags in them were not seen\n"));
  CHECK(has(text, "\nScripts not read in full (1)\n  " + site.url("/js/app.js") +
                      "  too-large: over the limit of 4194304 bytes\n    loaded by /\n"));
  const json stored = json::parse(stored_report(dir, "json"));
  CHECK(stored.at("unread_scripts") == quiet.report.at("unread_scripts"));
  CHECK(has(stored_report(dir, "markdown"), "### Scripts not read in full (1)"));
  const std::string junit = stored_report(dir, "junit");
  CHECK(has(junit, "<testcase classname=\"tagdrift.script\" name=\"" + site.url("/js/app.js")));
  CHECK(has(junit, "<skipped message=\"" + site.url("/js/app.js") + " not read in full"));
  const json sarif = json::parse(stored_report(dir, "sarif"));
  const json& notes = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"];
  REQUIRE(notes.size() == 1);
  CHECK(notes[0]["level"] == "warning");
  CHECK(notes[0]["properties"]["reason"] == "too-large");

  Run gated = scan(site, dir, "gated", {"--max-script-bytes", "4M", "--fail-on", "unread"});
  INFO(gated.run.err);
  CHECK(gated.run.exit_code == 1);
  CHECK(gated.run.err == "tagdrift: --fail-on unread met by 1 unread script\n");
  CHECK(gated.report.at("gate").at("fail_on") == "unread");
  CHECK(gated.report.at("gate").at("failing") ==
        json::array(
            {site.url("/js/app.js") + ": unread (too-large: over the limit of 4194304 bytes)"}));
  // The same gate on the stored scan, through `tagdrift report`.
  ChildResult past = run(dir, {"report", "--db", (dir.path() / "history.db").string(), "--fail-on",
                               "unread", "--format", "junit"});
  CHECK(past.exit_code == 1);
  CHECK(has(past.out, "<failure message=\"" + site.url("/js/app.js") + " not read in full"));
}

TEST_CASE("unread: a 404, an HTML page, too many scripts and a broken container are each said") {
  SwitchableSite site;
  std::vector<std::string> scripts = {"/js/gone.js", "/js/login.js", "/gtm.js?id=GTM-BROKEN1"};
  for (int i = 0; scripts.size() < 18; ++i) {
    const std::string path = "/js/part-" + std::to_string(i) + ".js";
    site.set(path, 200, "var part = " + std::to_string(i) + ";", kJs);
    scripts.push_back(path);
  }
  site.set("/", 200, page_loading(scripts));
  site.set("/js/login.js", 200, "<html><body>Sign in</body></html>");  // text/html
  site.set("/gtm.js", 200, "var data = {\"resource\": {\"tags\": [{\"function\":\"__html\"", kJs);
  TempDir dir;
  Run done = scan(site, dir, "done");
  INFO(done.run.err << done.report.dump(2));
  CHECK(done.run.exit_code == 0);
  std::map<std::string, json> unread = unread_of(done.report);
  CHECK(unread.size() == 5);
  CHECK(unread[site.url("/js/gone.js")].at("reason") == "fetch-failed");
  CHECK(unread[site.url("/js/gone.js")].at("detail") == "HTTP 404");
  CHECK(unread[site.url("/js/login.js")].at("reason") == "not-javascript");
  CHECK(unread[site.url("/js/login.js")].at("detail") == "served as text/html; charset=utf-8");
  CHECK(unread[site.url("/gtm.js?id=GTM-BROKEN1")].at("reason") == "undecoded");
  // 18 scripts, 16 followed a page: the last two are over the limit.
  CHECK(unread[site.url("/js/part-13.js")].at("reason") == "over-script-limit");
  CHECK(unread[site.url("/js/part-14.js")].at("detail") ==
        "more than 16 scripts followed on one page");
  CHECK(unread.count(site.url("/js/part-12.js")) == 0);
}

TEST_CASE("unread: a rescan says which script is read again and which became unread") {
  SwitchableSite site;
  site.set("/", 200, page_loading({"/js/app.js", "/js/other.js"}));
  site.set("/js/app.js", 200, "fbq('init', '1403287593103673');");  // served as HTML
  site.set("/js/other.js", 200, "var other = 1;", kJs);
  TempDir dir;
  Run first = scan(site, dir, "first");
  INFO(first.run.err << first.report.dump(2));
  REQUIRE(first.run.exit_code == 0);
  CHECK(unread_of(first.report).count(site.url("/js/app.js")) == 1);
  CHECK_FALSE(has_finding(first.report, kMetaKey));

  // The same scan again: the page is reused unchanged, and its unread script with it.
  Run again = scan(site, dir, "again");
  INFO(again.run.err << again.report.dump(2));
  CHECK(again.report.at("pages").at(0).at("reused") == true);
  REQUIRE(again.report.at("unread_scripts").size() == 1);
  CHECK(again.report.at("unread_scripts").at(0).at("new") == false);
  CHECK(again.report.at("read_again").empty());

  site.set("/js/app.js", 200, "fbq('init', '1403287593103673');", kJs);
  site.set("/js/other.js", 404, "");
  Run second = scan(site, dir, "second", {"--fail-on", "unread"});
  INFO(second.run.err << second.report.dump(2));
  CHECK(has_finding(second.report, kMetaKey));
  CHECK(second.report.at("read_again") == json::array({site.url("/js/app.js")}));
  std::map<std::string, json> unread = unread_of(second.report);
  REQUIRE(unread.size() == 1);
  CHECK(unread[site.url("/js/other.js")].at("new") == true);
  CHECK(second.run.exit_code == 1);
  const std::string text = stored_report(dir, "text");
  CHECK(has(text, "(new since the last scan)"));
  CHECK(has(text, "\nScripts read again since the last scan (1)\n  " + site.url("/js/app.js")));
}

TEST_CASE("unread: a bad --fail-on or --max-script-bytes is refused before anything runs") {
  TempDir dir;
  ChildResult bad = run(dir, {"scan", "http://127.0.0.1:9/", "--no-db", "--fail-on", "unread,x"});
  CHECK(bad.exit_code == 2);
  CHECK(has(bad.err, "bad --fail-on 'unread,x'"));
  ChildResult twice = run(dir, {"scan", "http://127.0.0.1:9/", "--no-db", "--fail-on", "new,high"});
  CHECK(twice.exit_code == 2);
  ChildResult size =
      run(dir, {"scan", "http://127.0.0.1:9/", "--no-db", "--max-script-bytes", "lots"});
  CHECK(size.exit_code == 2);
  CHECK(size.err == "tagdrift: --max-script-bytes expects a size like 10M, not 'lots'\n");
  CHECK(size.out.empty());
}
