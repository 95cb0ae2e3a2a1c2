// A staging gate whose robots.txt names production's sitemap (README, "CI gate before a deploy"):
// the campaign pages listed only there are on another origin. The real `tagdrift` says so on
// stderr and records them as skipped; with --map-origin it crawls them on staging, where the
// tag on one of them fails the gate.
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/report/schema_check.h"
#include "tests/support/child_process.h"
#include "tests/support/loopback_server.h"
#include "tests/support/temp_dir.h"

namespace fs = std::filesystem;
using tagdrift::testing::ChildResult;
using tagdrift::testing::LoopbackServer;
using tagdrift::testing::TempDir;

namespace {

[[maybe_unused]] const bool kSpawnerStarted = (tagdrift::testing::start_spawner(), true);

constexpr const char* kPinterest =
    "<script>!function(e){window.pintrk=function(){};}();pintrk('load', '2612345678901');"
    "pintrk('page');</script>";

// One loopback server answering as both www.site.test (production) and staging.site.test.
struct Site {
  LoopbackServer server;
  std::string port, production, staging;

  Site() {
    server.http().Get(R"(/.*)", [this](const httplib::Request& req, httplib::Response& res) {
      const std::string origin = "http://www.site.test:" + std::to_string(server.port());
      if (req.path == "/robots.txt") {
        res.set_content("User-agent: *\nAllow: /\nSitemap: " + origin + "/sitemap.xml\n",
                        "text/plain");
      } else if (req.path == "/sitemap.xml") {
        res.set_content("<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'><url><loc>" +
                            origin + "/</loc></url><url><loc>" + origin +
                            "/lp/spring</loc></url><url><loc>" + origin +
                            "/lp/summer</loc></url></urlset>",
                        "application/xml");
      } else if (req.path == "/lp/spring") {
        res.set_content(std::string("<h1>Spring offer</h1>") + kPinterest, "text/html");
      } else {
        res.set_content("<h1>" + req.path + "</h1>", "text/html");
      }
    });
    server.start();
    port = std::to_string(server.port());
    production = "http://www.site.test:" + port;
    staging = "http://staging.site.test:" + port;
  }

  // `tagdrift scan STAGING/ --no-db --fail-on new --format json --output DIR/r.json FLAGS...`
  ChildResult scan(const fs::path& dir, const std::vector<std::string>& flags = {}) const {
    std::vector<std::string> argv = {TAGDRIFT_BINARY,
                                     "scan",
                                     staging + "/",
                                     "--resolve",
                                     "www.site.test:" + port + ":127.0.0.1",
                                     "--resolve",
                                     "staging.site.test:" + port + ":127.0.0.1",
                                     "--no-db",
                                     "--quiet",
                                     "--fail-on",
                                     "new",
                                     "--format",
                                     "json",
                                     "--output",
                                     (dir / "r.json").string()};
    argv.insert(argv.end(), flags.begin(), flags.end());
    return tagdrift::testing::run_child(argv, dir, {}, std::chrono::seconds(60));
  }
};

nlohmann::json report_in(const fs::path& dir) {
  nlohmann::json report = nlohmann::json::parse(tagdrift::testing::read_file(dir / "r.json"));
  auto check = tagdrift::testing::check_against_schema(report);
  INFO(check.output);
  CHECK(check.exit_status == 0);
  return report;
}

const nlohmann::json* page_in(const nlohmann::json& report, const std::string& url) {
  for (const auto& page : report["pages"]) {
    if (page["url"] == url) return &page;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("staging sitemap: URLs on the production origin are named on stderr and recorded") {
  Site site;
  TempDir dir;
  ChildResult run = site.scan(dir.path());
  INFO("stderr: " << run.err);
  CHECK(run.exit_code == 0);
  CHECK(run.err == "tagdrift: warning: sitemap lists 3 URLs on another origin; not crawled: " +
                       site.production + " (crawl them on the target with --map-origin FROM=TO)\n");
  CHECK(run.out.empty());
  nlohmann::json report = report_in(dir.path());
  CHECK(report["scan"]["pages_skipped"] == 3);
  for (const char* path : {"/", "/lp/spring", "/lp/summer"}) {
    INFO(path);
    const nlohmann::json* page = page_in(report, site.production + path);
    REQUIRE(page != nullptr);
    CHECK((*page)["skipped"] == "sitemap URL on another origin; not crawled (see --map-origin)");
    CHECK((*page)["found_by"] == "sitemap");
  }
  CHECK(report["findings"].empty());
}

TEST_CASE("staging sitemap: --map-origin crawls production's URLs on staging and gates on them") {
  Site site;
  TempDir dir;
  ChildResult run = site.scan(dir.path(), {"--map-origin", site.production + "=" + site.staging});
  INFO("stderr: " << run.err);
  CHECK(run.exit_code == 1);
  CHECK(run.err == "tagdrift: --fail-on new met by 1 finding\n");
  nlohmann::json report = report_in(dir.path());
  CHECK(report["scan"]["pages_skipped"] == 0);
  CHECK(page_in(report, site.production + "/lp/spring") == nullptr);
  const nlohmann::json* spring = page_in(report, site.staging + "/lp/spring");
  REQUIRE(spring != nullptr);
  CHECK((*spring)["found_by"] == "sitemap");
  CHECK((*spring)["error"].is_null());
  REQUIRE(report["findings"].size() == 1);
  CHECK(report["findings"][0]["key"] == "pinterest:2612345678901");
  CHECK(report["findings"][0]["pages"][0]["url"] == site.staging + "/lp/spring");
}

TEST_CASE("staging sitemap: a bad --map-origin is exit 2 with one line naming it") {
  Site site;
  TempDir dir;
  for (const std::string& value :
       {site.production + "/shop=" + site.staging, site.production + "=ftp://staging.site.test/",
        site.production, site.production + "=http://stagng.site.test:" + site.port}) {
    INFO(value);
    ChildResult run = site.scan(dir.path(), {"--map-origin", value});
    CHECK(run.exit_code == 2);
    CHECK(run.out.empty());
    CHECK(run.err.rfind("tagdrift: bad --map-origin '" + value + "': ", 0) == 0);
    CHECK(run.err.find('\n') == run.err.size() - 1);
    CHECK_FALSE(fs::exists(dir.path() / "r.json"));
  }
}
