// Real `tagdrift scan` processes killed with SIGKILL at random moments (start-up, crawl, history
// writes), all into one history database: the file must stay sound, every scan be whole or
// marked incomplete, and drift afterwards compare only with whole scans.
#include <signal.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <random>
#include <set>
#include <thread>

#include "tests/hostile/hostile_site.h"
#include "tests/hostile/tagdrift_process.h"
#include "tests/support/loopback_server.h"
#include "tests/support/temp_dir.h"

using tagdrift::testing::LoopbackServer;
using tagdrift::testing::query;
using tagdrift::testing::TempDir;

namespace {

// At least this many scans must die by SIGKILL mid-run (a kill that lands after the scan ended
// does not count).
constexpr int kKills = 24;
// The fixture site: this many pages, each answered after a short pause so that a scan lasts long
// enough (about half a second) for kills to land in every phase.
constexpr int kPages = 40;
constexpr auto kPagePause = std::chrono::milliseconds(15);
// The kills take about 40 s on a loaded 2-core machine; this cap keeps the test inside ctest's
// 120 s TIMEOUT (the final scans add a few seconds) if the machine is slower still.
constexpr double kBudgetSeconds = 80;

const char* kGa =
    "<script async src='https://www.googletagmanager.com/gtag/js?id=G-CRASH12345'></script>";
const char* kMeta = "<script>fbq('init', '4836152907314682'); fbq('track', 'PageView');</script>";
const char* kTikTok = "<script>ttq.load('CRF8I2BC77UD2MA14E3G'); ttq.page();</script>";

std::string page_path(int i) {
  return i == 0 ? "index.html" : "p" + std::to_string(i) + "/index.html";
}

void write_site(const TempDir& site, bool with_tiktok) {
  for (int i = 0; i < kPages; ++i) {
    std::string html = "<!doctype html><html><head><title>Page " + std::to_string(i) + "</title>";
    html += kGa;
    if (i % 3 == 0) html += kMeta;
    if (with_tiktok && i == 7) html += kTikTok;
    html += "</head><body>";
    // Page i links to the next two, so the crawl is a chain a few pages wide.
    for (int next : {i + 1, i + 2}) {
      if (next < kPages) html += "<a href='/p" + std::to_string(next) + "/'>next</a>";
    }
    site.write(page_path(i), html + "</body></html>");
  }
}

const std::vector<std::string> kScanFlags = {"--ignore-robots", "--no-sitemaps", "--concurrency",
                                             "2"};

std::vector<std::string> scan_argv(const std::string& url, const std::string& db,
                                   const std::string& report) {
  std::vector<std::string> argv = {tagdrift::testing::tagdrift_binary(),
                                   "scan",
                                   url,
                                   "--db",
                                   db,
                                   "--format",
                                   "json",
                                   "--output",
                                   report,
                                   "--quiet"};
  argv.insert(argv.end(), kScanFlags.begin(), kScanFlags.end());
  return argv;
}

std::int64_t count(const std::string& db, const std::string& sql) {
  return std::stoll(query(db, sql).at(0).at(0));
}

}  // namespace

TEST_CASE("crash: scans killed at random moments leave a sound history and correct drift") {
  TempDir site, data;
  write_site(site, false);
  LoopbackServer server;
  server.http().set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
    std::this_thread::sleep_for(kPagePause);
    return httplib::Server::HandlerResponse::Unhandled;
  });
  server.serve_directory(site.path().string());
  server.start();
  const std::string url = server.url("/");
  const auto started = std::chrono::steady_clock::now();

  // A reference scan into its own database: how long a scan takes, what a whole one holds.
  const std::string reference_db = (data.path() / "reference.db").string();
  auto reference = tagdrift::testing::run_child(
      scan_argv(url, reference_db, (data.path() / "reference.json").string()), data.path());
  REQUIRE(reference.exit_code == 0);
  const std::int64_t whole_sightings = count(reference_db, "SELECT count(*) FROM sightings");
  REQUIRE(count(reference_db, "SELECT count(*) FROM pages") == kPages);
  REQUIRE(whole_sightings >= kPages);

  // The shared history is x.db, where run_scan writes too.
  const std::string db = (data.path() / "x.db").string();
  const std::string report = (data.path() / "r.json").string();
  std::uint64_t seed = std::random_device{}();
  INFO("seed " << seed);
  std::mt19937_64 random(seed);
  // Delays from spawn to kill over the start-up, the crawl and the final writes, and a little
  // past the end so that some scans finish between the kills.
  std::uniform_int_distribution<long> delay_ms(0, static_cast<long>(reference.seconds * 1200));
  int kills = 0, finished = 0, runs = 0;
  while (kills < kKills &&
         std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count() <
             kBudgetSeconds * tagdrift::testing::kSlowdown) {
    ++runs;
    tagdrift::testing::Child child(scan_argv(url, db, report), data.path());
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms(random)));
    child.kill(SIGKILL);
    auto result = child.wait(std::chrono::seconds(30));
    if (result.signal == SIGKILL) {
      ++kills;
    } else {
      INFO(result.err);
      REQUIRE(result.exit_code == 0);
      ++finished;
    }
  }
  REQUIRE(kills >= kKills);

  CHECK(query(db, "PRAGMA integrity_check") == std::vector<std::vector<std::string>>{{"ok"}});
  auto scans = query(db, "SELECT id, complete, pages_crawled FROM scans ORDER BY id");
  int complete = 0, incomplete = 0;
  std::int64_t last_complete = 0;
  for (const auto& scan : scans) {
    const std::string id = scan[0];
    INFO("scan " << id);
    const std::int64_t pages = count(db, "SELECT count(*) FROM pages WHERE scan_id = " + id);
    const std::int64_t sightings =
        count(db, "SELECT count(*) FROM sightings WHERE scan_id = " + id);
    if (scan[1] == "1") {
      ++complete;
      last_complete = std::stoll(id);
      CHECK(pages == kPages);
      CHECK(std::stoll(scan[2]) == kPages);
      CHECK(sightings == whole_sightings);
      CHECK(count(db, "SELECT count(*) FROM pages WHERE error != '' AND scan_id = " + id) == 0);
    } else {
      ++incomplete;
      CHECK(scan[1] == "0");
      CHECK(pages <= kPages);
      CHECK(sightings <= whole_sightings);
    }
  }
  // Every run left at most one scan; `tagdrift history` reads the same scans back.
  CHECK(static_cast<int>(scans.size()) <= runs);
  CHECK(complete >= finished);
  auto history =
      tagdrift::testing::run_tagdrift({"history", "--db", db, "--format", "json"}, data.path());
  REQUIRE(history.exit_code == 0);
  auto listed = nlohmann::json::parse(history.out);
  REQUIRE(listed.size() == scans.size());
  for (std::size_t i = 0; i < scans.size(); ++i) {
    CHECK(listed[i]["complete"] == (scans[i][1] == "1"));
  }
  std::fprintf(stderr,
               "crash: %d runs, %d killed mid-run, %d finished; %d complete and %d incomplete "
               "scans in history, %d killed before a scan row existed; reference scan %.2f s\n",
               runs, kills, finished, complete, incomplete, runs - static_cast<int>(scans.size()),
               reference.seconds);

  // A full scan of the unchanged site: compared with the last whole scan, nothing drifted.
  auto unchanged = tagdrift::testing::run_scan(url, data.path(), kScanFlags);
  INFO(unchanged.child.err);
  REQUIRE(unchanged.child.exit_code == 0);
  REQUIRE(unchanged.report.is_object());
  if (last_complete != 0) {
    CHECK(unchanged.report["scan"]["previous_scan_id"] == last_complete);
    for (const auto& finding : unchanged.report["findings"]) {
      INFO(finding["key"]);
      CHECK(finding["status"] == "known");
    }
    CHECK(unchanged.report["removed"].empty());
    CHECK(unchanged.report["page_changes"].empty());
  }
  CHECK(unchanged.report["findings"].size() == 2);

  // A marketer adds TikTok to one page: the next scan reports exactly that as new.
  write_site(site, true);
  auto changed = tagdrift::testing::run_scan(url, data.path(), kScanFlags);
  REQUIRE(changed.child.exit_code == 0);
  CHECK(changed.report["scan"]["previous_scan_id"] == unchanged.report["scan"]["id"]);
  std::set<std::string> fresh, known;
  for (const auto& finding : changed.report["findings"]) {
    (finding["status"] == "new" ? fresh : known).insert(finding["key"].get<std::string>());
  }
  CHECK(fresh == std::set<std::string>{"tiktok:CRF8I2BC77UD2MA14E3G"});
  CHECK(known == std::set<std::string>{"google-analytics:G-CRASH12345", "meta:4836152907314682"});
  CHECK(query(db, "PRAGMA integrity_check") == std::vector<std::vector<std::string>>{{"ok"}});
}
