// The real `tagdrift fleet` on several loopback sites in one history: the gate, the summary in
// each format, each site's report, a dead and a stalled site among good ones, drift on a second
// run only where it happened, a bad sites file refused whole, and the inventory across sites.
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "tests/cli/cli_run.h"
#include "tests/cli/switchable_site.h"
#include "tests/report/schema_check.h"
#include "tests/support/temp_dir.h"

namespace fs = std::filesystem;
using nlohmann::json;
using tagdrift::testing::ChildResult;
using tagdrift::testing::LoopbackServer;
using tagdrift::testing::SwitchableSite;
using tagdrift::testing::tagdrift_run;
using tagdrift::testing::TempDir;

namespace {

const char* kMeta = "<script>fbq('init', '4836152907314682'); fbq('track', 'PageView');</script>";
const char* kPinterest = "<script>pintrk('load', '2612345678901'); pintrk('page');</script>";

std::string page(const std::string& tags) {
  return "<html><head><title>Clinic</title>" + tags + "</head><body><h1>Welcome</h1></body></html>";
}

struct Site {
  std::string name, url;
};

// A sites file naming each site by its URL.
fs::path sites_file(const TempDir& dir, const std::vector<Site>& sites) {
  std::string text;
  for (const Site& site : sites) {
    text += "[[site]]\nname = \"" + site.name + "\"\ntargets = [\"" + site.url + "\"]\n\n";
  }
  return dir.write("sites.toml", text);
}

// A loopback port nothing listens on: a server's, after it stopped.
int closed_port() {
  LoopbackServer server;
  server.start();
  const int port = server.port();
  server.stop();
  return port;
}

const json* entry_named(const json& summary, const std::string& name) {
  for (const json& site : summary["sites"]) {
    if (site["name"] == name) return &site;
  }
  return nullptr;
}

void check_valid_summary(const json& summary) {
  auto check = tagdrift::testing::check_against_schema(summary, "fleet.schema.json");
  INFO(check.output);
  if (check.exit_status == 3 && !tagdrift::testing::schemas_required()) return;
  CHECK(check.exit_status == 0);
}

std::vector<std::string> fleet_args(const fs::path& sites, const fs::path& db,
                                    std::vector<std::string> more) {
  std::vector<std::string> args = {"fleet", sites.string(), "--db", db.string(), "--quiet"};
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

}  // namespace

TEST_CASE("fleet command: a new tag on one site of three fails --fail-on new there only") {
  TempDir dir;
  SwitchableSite main, dental, foundation;
  main.set("/", 200, page(kMeta));
  dental.set("/", 200, page(""));
  foundation.set("/", 200, page(kMeta));
  const fs::path sites = sites_file(
      dir, {{"main", main.url()}, {"Dental Care", dental.url()}, {"foundation", foundation.url()}});
  const fs::path db = dir.path() / "history.db";

  // The first run accepts the sites as they are: without a gate, its scans are the baselines.
  ChildResult first = tagdrift_run(fleet_args(sites, db, {"--format", "json"}), dir.path());
  INFO("first run: " << first.err);
  CHECK(first.exit_code == 0);
  const json before = json::parse(first.out);
  check_valid_summary(before);
  CHECK(before["totals"]["sites"] == 3);
  CHECK(before["totals"]["with_drift"] == 2);  // a first scan's tags are new

  dental.set("/", 200, page(kPinterest));
  const fs::path reports = dir.path() / "reports";
  ChildResult second =
      tagdrift_run(fleet_args(sites, db,
                              {"--fail-on", "new", "--format", "json", "--reports",
                               reports.string(), "-o", (dir.path() / "summary.json").string()}),
                   dir.path());
  INFO("second run: " << second.err);
  CHECK(second.exit_code == 1);
  CHECK(second.out.empty());
  const json after = json::parse(tagdrift::testing::read_file(dir.path() / "summary.json"));
  check_valid_summary(after);
  CHECK(after["exit_code"] == 1);
  REQUIRE(after["sites"].size() == 3);
  const json* drifted = entry_named(after, "Dental Care");
  REQUIRE(drifted != nullptr);
  CHECK((*drifted)["counts"]["status"]["new"] == 1);
  CHECK((*drifted)["drift"] == true);
  CHECK((*drifted)["exit_code"] == 1);
  CHECK((*drifted)["worst_finding"] == "pinterest:2612345678901");
  CHECK((*drifted)["site"] == dental.url().substr(0, dental.url().size() - 1));
  for (const char* quiet : {"main", "foundation"}) {
    const json* site = entry_named(after, quiet);
    REQUIRE(site != nullptr);
    INFO(quiet);
    CHECK((*site)["counts"]["status"]["new"] == 0);
    CHECK((*site)["counts"]["status"]["known"] == 1);
    CHECK((*site)["drift"] == false);
    CHECK((*site)["exit_code"] == 0);
    CHECK((*site)["complete"] == true);
  }
  // Each site's full report, named from its name, as `scan --format json` writes it.
  CHECK((*drifted)["report"] == (reports / "dental-care.json").string());
  for (const char* file : {"main.json", "dental-care.json", "foundation.json"}) {
    REQUIRE(fs::exists(reports / file));
  }
  const json dental_report =
      json::parse(tagdrift::testing::read_file(reports / "dental-care.json"));
  auto check = tagdrift::testing::check_against_schema(dental_report);
  INFO(check.output);
  CHECK((check.exit_status == 0 ||
         (check.exit_status == 3 && !tagdrift::testing::schemas_required())));
  REQUIRE(dental_report["findings"].size() == 1);
  CHECK(dental_report["findings"][0]["status"] == "new");
}

TEST_CASE("fleet command: text and JUnit summaries, and the gate off by default") {
  TempDir dir;
  SwitchableSite a, b;
  a.set("/", 200, page(kMeta));
  b.set("/", 200, page(""));
  const fs::path sites = sites_file(dir, {{"a", a.url()}, {"b", b.url()}});
  const fs::path db = dir.path() / "history.db";
  ChildResult text = tagdrift_run(fleet_args(sites, db, {}), dir.path());
  INFO(text.err);
  CHECK(text.exit_code == 0);
  CHECK(text.out.rfind("SITE  STATE", 0) == 0);
  CHECK(text.out.find("\n2 sites: 2 scanned, 0 failed, 0 skipped; 1 with drift, 0 failing the "
                      "gate\n") != std::string::npos);
  ChildResult junit = tagdrift_run(fleet_args(sites, db, {"--format", "junit"}), dir.path());
  CHECK(junit.exit_code == 0);
  CHECK(junit.out.find("<testsuite name=\"tagdrift fleet\" tests=\"2\" failures=\"0\" "
                       "errors=\"0\"") != std::string::npos);
  CHECK(junit.out.find("name=\"a\"") != std::string::npos);
  CHECK(junit.out.find("name=\"b\"") != std::string::npos);
}

TEST_CASE("fleet command: a site's table overrides the command line's fail_on") {
  TempDir dir;
  SwitchableSite a, b;
  a.set("/", 200, page(kMeta));
  b.set("/", 200, page(kMeta));
  const fs::path sites = dir.write(
      "sites.toml", "[[site]]\nname = \"a\"\ntargets = [\"" + a.url() +
                        "\"]\nfail_on = \"never\"\n\n[[site]]\nname = \"b\"\ntargets = [\"" +
                        b.url() + "\"]\n");
  ChildResult run = tagdrift_run(
      fleet_args(sites, dir.path() / "h.db", {"--fail-on", "new", "--format", "json"}), dir.path());
  INFO(run.err);
  CHECK(run.exit_code == 1);
  const json summary = json::parse(run.out);
  CHECK((*entry_named(summary, "a"))["fail_on"] == "never");
  CHECK((*entry_named(summary, "a"))["exit_code"] == 0);
  CHECK((*entry_named(summary, "b"))["fail_on"] == "new");
  CHECK((*entry_named(summary, "b"))["exit_code"] == 1);
}

TEST_CASE("fleet command: --fail-on takes unread beside a threshold, as scan does") {
  TempDir dir;
  SwitchableSite a, b;
  a.set("/", 200, page(kMeta));
  b.set("/", 200, page(kMeta + std::string("<script src=\"/js/gone.js\"></script>")));
  const fs::path sites = sites_file(dir, {{"a", a.url()}, {"b", b.url()}});
  ChildResult run = tagdrift_run(
      fleet_args(sites, dir.path() / "h.db", {"--fail-on", "never,unread", "--format", "json"}),
      dir.path());
  INFO(run.err);
  CHECK(run.exit_code == 1);
  const json summary = json::parse(run.out);
  CHECK((*entry_named(summary, "a"))["exit_code"] == 0);
  CHECK((*entry_named(summary, "b"))["exit_code"] == 1);
  tagdrift::testing::check_refused(
      tagdrift_run(fleet_args(sites, dir.path() / "h.db", {"--fail-on", "new,bogus"}), dir.path()),
      2,
      "--fail-on: bad --fail-on 'new,bogus' (never, policy, new, high, critical or unread; one "
      "threshold, and unread, comma-separated) (see --help)");
}

TEST_CASE("fleet command: a dead site among good ones fails alone, exit 3") {
  TempDir dir;
  SwitchableSite a, b;
  a.set("/", 200, page(kMeta));
  b.set("/", 200, page(""));
  const std::string dead = "http://127.0.0.1:" + std::to_string(closed_port()) + "/";
  const fs::path sites = sites_file(dir, {{"a", a.url()}, {"dead", dead}, {"b", b.url()}});
  ChildResult run = tagdrift_run(
      fleet_args(sites, dir.path() / "h.db", {"--format", "json", "--retries", "0"}), dir.path());
  INFO(run.err);
  CHECK(run.exit_code == 3);
  const json summary = json::parse(run.out);
  check_valid_summary(summary);
  const json& down = *entry_named(summary, "dead");
  CHECK(down["failed"] == true);
  CHECK(down["exit_code"] == 3);
  CHECK(down["complete"] == false);
  REQUIRE(down["errors"].size() == 1);
  CHECK(down["errors"][0].get<std::string>().rfind(dead, 0) == 0);
  for (const char* good : {"a", "b"}) {
    CHECK((*entry_named(summary, good))["complete"] == true);
    CHECK((*entry_named(summary, good))["exit_code"] == 0);
  }
  CHECK(summary["totals"]["failed"] == 1);
  CHECK(summary["totals"]["scanned"] == 2);
}

TEST_CASE("fleet command: a stalled site does not hold up the others") {
  TempDir dir;
  LoopbackServer stalled;
  stalled.http().Get(".*", [](const httplib::Request&, httplib::Response& response) {
    std::this_thread::sleep_for(std::chrono::seconds(4));
    response.set_content(page(""), "text/html");
  });
  stalled.start();
  SwitchableSite a, b;
  a.set("/", 200, page(kMeta));
  b.set("/", 200, page(""));
  // Two sites at once: the stalled one takes one slot for its whole timeout, the other two
  // share the second.
  const fs::path sites =
      sites_file(dir, {{"stalled", stalled.url("/")}, {"a", a.url()}, {"b", b.url()}});
  ChildResult run = tagdrift_run(fleet_args(sites, dir.path() / "h.db",
                                            {"--format", "json", "--sites-concurrency", "2",
                                             "--timeout", "3", "--retries", "0"}),
                                 dir.path());
  INFO(run.err);
  CHECK(run.exit_code == 3);
  const json summary = json::parse(run.out);
  const json& slow = *entry_named(summary, "stalled");
  CHECK(slow["failed"] == true);
  CHECK(slow["seconds"].get<double>() >= 2.9);
  for (const char* good : {"a", "b"}) {
    INFO(good);
    CHECK((*entry_named(summary, good))["complete"] == true);
    CHECK((*entry_named(summary, good))["seconds"].get<double>() < 2.0);
  }
}

TEST_CASE("fleet command: a bad sites file is refused whole, before anything is scanned") {
  TempDir dir;
  SwitchableSite a;
  a.set("/", 200, page(kMeta));
  const fs::path db = dir.path() / "h.db";
  const std::string good = "[[site]]\nname = \"a\"\ntargets = [\"" + a.url() + "\"]\n";
  struct Case {
    std::string text, message;
  };
  const std::vector<Case> cases = {
      {good + "[[site]\n", ":4:8: Error while parsing table header: expected ']', saw '\\n'"},
      {good + "taregts = 1\n",
       ":4:1: unknown key 'taregts' in [[site]] (name, targets, base_url, scope, include, "
       "exclude, policy, notify, fail_on, max_pages, group); did you mean 'targets'?"},
      {good + "max_pages = -1\n", ":4:13: 'max_pages' must be a whole number above 0"},
      {good + good, ":5:8: duplicate site name 'a' (first at SITES:1:1)"},
      {"[[site]]\nname = \"b\"\n", ":1:1: site 'b' has no 'targets'"},
      {"[[site]]\nname = \"b\"\ntargets = \"http//b.test\"\n",
       ":3:11: target is neither an http(s) URL nor a directory: http//b.test"},
      {good + "[[site]]\nname = \"b\"\ntargets = [\"" + a.url() + "index.html\"]\n",
       ":4:1: site 'b': same site key " + a.url().substr(0, a.url().size() - 1) +
           " as site 'a' (their histories would mix)"},
  };
  for (const Case& bad : cases) {
    const fs::path sites = dir.write("sites.toml", bad.text);
    std::string message = bad.message;
    for (std::size_t at; (at = message.find("SITES")) != std::string::npos;) {
      message.replace(at, 5, sites.string());
    }
    ChildResult run = tagdrift_run(fleet_args(sites, db, {}), dir.path());
    INFO(bad.text);
    tagdrift::testing::check_refused(run, 2, sites.string() + message);
    CHECK_FALSE(fs::exists(db));
  }
}

TEST_CASE("fleet command: tags and history --all-sites say which tag runs where") {
  TempDir dir;
  SwitchableSite a, b, c;
  a.set("/", 200, page(kMeta));
  b.set("/", 200, page(std::string(kMeta) + kPinterest));
  c.set("/", 200, page(""));
  const fs::path sites = sites_file(dir, {{"a", a.url()}, {"b", b.url()}, {"c", c.url()}});
  const fs::path db = dir.path() / "h.db";
  REQUIRE(tagdrift_run(fleet_args(sites, db, {}), dir.path()).exit_code == 0);
  const std::string origin_a = a.url().substr(0, a.url().size() - 1);
  const std::string origin_b = b.url().substr(0, b.url().size() - 1);

  ChildResult tags =
      tagdrift_run({"tags", "--all-sites", "--db", db.string(), "--format", "json"}, dir.path());
  INFO(tags.err);
  CHECK(tags.exit_code == 0);
  const json inventory = json::parse(tags.out);
  REQUIRE(inventory.size() == 2);
  CHECK(inventory[0]["key"] == "meta:4836152907314682");
  REQUIRE(inventory[0]["sites"].size() == 2);
  CHECK(inventory[0]["sites"][0]["site"] == std::min(origin_a, origin_b));
  CHECK(inventory[0]["sites"][1]["site"] == std::max(origin_a, origin_b));
  CHECK(inventory[1]["key"] == "pinterest:2612345678901");
  REQUIRE(inventory[1]["sites"].size() == 1);
  CHECK(inventory[1]["sites"][0]["site"] == origin_b);

  ChildResult text = tagdrift_run({"tags", "--all-sites", "--db", db.string()}, dir.path());
  CHECK(text.out.rfind("VENDOR ", 0) == 0);
  CHECK(text.out.find("4836152907314682") != std::string::npos);

  ChildResult history =
      tagdrift_run({"history", "--all-sites", "--db", db.string(), "--format", "json"}, dir.path());
  CHECK(history.exit_code == 0);
  const json states = json::parse(history.out);
  CHECK(states.size() == 3);
  for (const json& state : states) {
    CHECK(state["scans"] == 1);
    CHECK(state["latest_complete"] == true);
    CHECK(state["last_complete_scan"] == state["latest_scan"]);
  }
  // The per-site commands work as before; --all-sites and --site exclude each other.
  ChildResult one = tagdrift_run({"tags", "--site", origin_b, "--db", db.string()}, dir.path());
  CHECK(one.exit_code == 0);
  CHECK(one.out.find("pinterest:2612345678901") != std::string::npos);
  ChildResult both =
      tagdrift_run({"tags", "--all-sites", "--site", origin_b, "--db", db.string()}, dir.path());
  CHECK(both.exit_code == 2);
}

TEST_CASE("fleet command: examples/sites.toml runs as the README shows, from any folder") {
  TempDir dir;
  const std::string example = std::string(TAGDRIFT_SOURCE_DIR) + "/examples/sites.toml";
  ChildResult run =
      tagdrift_run(fleet_args(example, dir.path() / "fleet.db",
                              {"--format", "json", "--reports", (dir.path() / "r").string()}),
                   dir.path());
  INFO(run.err);
  const json summary = json::parse(run.out);
  check_valid_summary(summary);
  REQUIRE(summary["sites"].size() == 2);
  CHECK(summary["sites"][0]["site"] == "https://www.example-clinic.test");
  CHECK(summary["sites"][1]["site"] == "https://staging.example-clinic.test");
  for (const json& site : summary["sites"]) {
    CHECK(site["complete"] == true);
    CHECK(site["group"] == "riverside");
  }
  // Staging gates on high; production has no gate.
  CHECK(summary["sites"][0]["exit_code"] == 0);
  CHECK(summary["sites"][1]["fail_on"] == "high");
  CHECK(run.exit_code == summary["sites"][1]["exit_code"]);
  CHECK(fs::exists(dir.path() / "r/riverside-clinic.json"));
  CHECK(fs::exists(dir.path() / "r/riverside-clinic-staging.json"));
}

TEST_CASE("fleet command: each site notifies as scan would, where its table says") {
  TempDir dir;
  tagdrift::testing::Webhook hook;
  SwitchableSite a, b;
  a.set("/", 200, page(kMeta));
  b.set("/", 200, page(kPinterest));
  const fs::path sites =
      dir.write("sites.toml",
                "[[site]]\nname = \"a\"\ntargets = [\"" + a.url() + "\"]\nnotify = \"" +
                    hook.url() + "\"\n\n[[site]]\nname = \"b\"\ntargets = [\"" + b.url() + "\"]\n");
  ChildResult run = tagdrift_run(fleet_args(sites, dir.path() / "h.db", {}), dir.path());
  INFO(run.err);
  CHECK(run.exit_code == 0);
  const auto posts = hook.posts();
  REQUIRE(posts.size() == 1);
  CHECK(posts[0].body.find("4836152907314682") != std::string::npos);
  CHECK(posts[0].body.find("2612345678901") == std::string::npos);
}

TEST_CASE("fleet command: --report-format html writes each site's HTML report with its history") {
  TempDir dir;
  const std::string example = std::string(TAGDRIFT_SOURCE_DIR) + "/examples/sites.toml";
  const fs::path db = dir.path() / "fleet.db";
  const std::vector<std::string> flags = {"--format", "json",      "--report-format",
                                          "html",     "--reports", (dir.path() / "r").string()};
  for (int night = 0; night < 2; ++night) {
    ChildResult run = tagdrift_run(fleet_args(example, db, flags), dir.path());
    INFO(run.err);
    REQUIRE(json::parse(run.out)["sites"].size() == 2);
  }
  const std::string html = tagdrift::testing::read_file(dir.path() / "r/riverside-clinic.html");
  CHECK(html.starts_with("<!DOCTYPE html>"));
  // Two scans of the site in the history: the History section charts them.
  CHECK(html.find("<p>2 scans of this site, oldest first.</p>") != std::string::npos);
  CHECK(html.find("id=\"no-history\"") == std::string::npos);
}
