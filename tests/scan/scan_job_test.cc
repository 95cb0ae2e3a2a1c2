#include "scan/scan_job.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <set>
#include <sstream>

#include "report/report.h"
#include "tests/support/loopback_server.h"
#include "tests/support/temp_dir.h"
#include "util/error.h"

using tagdrift::scan::ScanJob;
using tagdrift::testing::LoopbackServer;
using tagdrift::testing::TempDir;

namespace {

const char* kGa =
    "<script async src='https://www.googletagmanager.com/gtag/js?id=G-AB12CD34EF'>"
    "</script><script>gtag('config', 'G-AB12CD34EF');</script>";

std::string page(const std::string& title, const std::string& tags, const std::string& links) {
  return "<!doctype html><html><head><title>" + title + "</title>" + tags + "</head><body><h1>" +
         title + "</h1>" + links + "</body></html>";
}

ScanJob job_for(const std::string& url, const std::string& db) {
  ScanJob job;
  job.scan.crawl.targets = {url};
  job.scan.crawl.ignore_robots = true;
  job.db_path = db;
  return job;
}

}  // namespace

TEST_CASE("scan job: a scan that cannot reach its target stays incomplete and is never compared") {
  TempDir site, data;
  site.write("index.html", page("Home", kGa, ""));
  const std::string db = (data.path() / "history.db").string();
  LoopbackServer server;
  server.serve_directory(site.path().string());
  server.start();
  const std::string url = server.url("/");
  auto first = tagdrift::scan::run_scan_job(job_for(url, db));
  server.stop();
  auto job = job_for(url, db);
  job.scan.crawl.retries = 0;
  auto failed = tagdrift::scan::run_scan_job(job);
  CHECK_FALSE(failed.summary.failed_targets.empty());
  CHECK_FALSE(failed.report.scan.complete);

  LoopbackServer again;
  again.serve_directory(site.path().string());
  again.start();
  auto third = tagdrift::scan::run_scan_job(job_for(again.url("/"), db));
  // Another port is another site key; the same site would compare with scan 1, never scan 2.
  CHECK(third.report.scan.id == 3);
}

TEST_CASE("scan job: credentials and redacted parameters reach neither the history nor a report") {
  TempDir site, data;
  site.write("index.html", page("Home", kGa, "<a href='/a/?token=SECRET-TOKEN-1&x=1'>a</a>"));
  site.write("a/index.html", page("A", kGa, ""));
  LoopbackServer server;
  server.serve_directory(site.path().string());
  server.start();
  setenv("TAGDRIFT_TEST_BASIC", "auditor:SECRET-PASSWORD-2", 1);
  const std::string db = (data.path() / "history.db").string();
  auto job = job_for(server.url("/"), db);
  job.scan.crawl.headers = {"Authorization: Bearer SECRET-HEADER-3"};
  job.scan.crawl.cookies = {"session=SECRET-COOKIE-4"};
  job.scan.crawl.basic_auth_env = "TAGDRIFT_TEST_BASIC";
  auto result = tagdrift::scan::run_scan_job(job);
  REQUIRE(result.summary.pages_fetched == 2);

  std::string everything = tagdrift::testing::read_file(db);
  for (auto format : {"text", "json", "markdown", "junit", "sarif"}) {
    std::ostringstream out;
    tagdrift::report::render(result.report, tagdrift::report::parse_format(format), {}, out);
    everything += out.str();
  }
  for (const char* secret :
       {"SECRET-TOKEN-1", "SECRET-PASSWORD-2", "SECRET-HEADER-3", "SECRET-COOKIE-4"}) {
    INFO(secret);
    CHECK(everything.find(secret) == std::string::npos);
  }
}

TEST_CASE("scan job: the example clinic site as a directory target yields its ground truth") {
  TempDir data;
  ScanJob job;
  job.scan.crawl.targets = {std::string(TAGDRIFT_SOURCE_DIR) + "/examples/clinic-site"};
  job.scan.crawl.base_url = "https://www.example-clinic.test/";
  job.use_db = false;
  auto result = tagdrift::scan::run_scan_job(job);
  std::set<std::string> keys;
  for (const auto& finding : result.report.findings) keys.insert(finding.key);
  CHECK(keys == std::set<std::string>{
                    "google-analytics:G-3XAMPL3CL1", "google-tag-manager:GTM-K7Q2P9X",
                    "hotjar:2847193", "meta:4836152907314682",
                    "onetrust:3f2b9c1e-7a4d-4e8b-9c21-5d6e7f8a9b0c", "pinterest:2612345678901",
                    "tiktok:CK9P4Q7R2M1N8B3V5X6Z", "unknown:cdn.chatwidget-example.net"});
  REQUIRE(result.report.commented.size() == 1);
  CHECK(result.report.commented[0].key == "linkedin:4412345");
  for (const auto& finding : result.report.findings) {
    if (finding.vendor == "tiktok") CHECK(finding.consent_gated);
    if (finding.vendor == "pinterest") {
      CHECK(finding.severity == tagdrift::drift::Severity::kCritical);
      CHECK(finding.enhanced_match == std::vector<std::string>{"em"});
    }
  }
}

TEST_CASE("scan job: a bad --health-terms file stops the scan before anything is written") {
  TempDir data;
  auto bad = data.write("terms.toml", "[[term]\nthis is not toml\n");
  const std::string db = (data.path() / "history.db").string();
  ScanJob job;
  job.scan.crawl.targets = {std::string(TAGDRIFT_SOURCE_DIR) + "/examples/clinic-site"};
  job.scan.health_terms_file = bad.string();
  job.db_path = db;
  CHECK_THROWS_AS(tagdrift::scan::run_scan_job(job), tagdrift::Error);
  job.scan.health_terms_file.clear();
  auto result = tagdrift::scan::run_scan_job(job);
  CHECK(result.report.scan.id == 1);  // the failed attempt left no scan behind
}
