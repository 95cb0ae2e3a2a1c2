// A target whose host does not resolve ends as a failed target with the resolver's message, fast,
// and the other targets of the crawl are still scanned. Names under .invalid never resolve
// (RFC 6761), so no real host is ever contacted.
#include <catch2/catch.hpp>
#include <chrono>
#include <map>
#include <string>

#include "crawler/crawl.h"
#include "tests/support/loopback_server.h"

using tagdrift::crawler::CrawlOptions;
using tagdrift::crawler::CrawlSummary;
using tagdrift::crawler::Page;
using tagdrift::testing::LoopbackServer;

namespace {

const std::string kUnresolvable = "http://no-such-clinic.tagdrift-test.invalid/";

struct Crawled {
  CrawlSummary summary;
  std::map<std::string, Page> pages;
  double seconds = 0;
};

Crawled run_crawl(const CrawlOptions& options) {
  Crawled crawled;
  auto process = [&options](Page& page) {
    return tagdrift::crawler::links_only(page, options.max_links_per_page);
  };
  auto sink = [&crawled](Page&& page) { crawled.pages[page.url] = std::move(page); };
  const auto start = std::chrono::steady_clock::now();
  crawled.summary = tagdrift::crawler::crawl(options, process, sink);
  crawled.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return crawled;
}

}  // namespace

TEST_CASE("dns failure: an unresolvable host is a failed target with the resolver's message") {
  CrawlOptions options;  // the defaults a user gets: retries and timeouts as shipped
  options.targets = {kUnresolvable};
  options.ignore_robots = true;
  auto crawled = run_crawl(options);

  REQUIRE(crawled.summary.failed_targets.size() == 1);
  const std::string& line = crawled.summary.failed_targets.front();
  INFO(line);
  CHECK(line.find(kUnresolvable) == 0);
  // "Could not resolve host: <host>", or "Resolving timed out ..." when no resolver answers.
  CHECK(line.find("esolv") != std::string::npos);
  REQUIRE(crawled.pages.count(kUnresolvable) == 1);
  const Page& page = crawled.pages.at(kUnresolvable);
  CHECK(page.status == 0);
  CHECK_FALSE(page.error.empty());
  CHECK(crawled.summary.pages_fetched == 0);
  // Not retried as if transient, and never left waiting: the default connect timeout (10 s)
  // bounds even a resolver that never answers.
  CHECK(crawled.seconds < 15);
}

TEST_CASE("dns failure: the other targets of the crawl are still scanned") {
  LoopbackServer server;
  server.http().Get("/", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("<!doctype html><title>Home</title><p>open</p>", "text/html");
  });
  server.start();
  CrawlOptions options;
  options.targets = {kUnresolvable, server.url("/")};
  options.ignore_robots = true;
  options.use_sitemaps = false;
  options.connect_timeout_ms = 5000;
  auto crawled = run_crawl(options);

  REQUIRE(crawled.summary.failed_targets.size() == 1);
  CHECK(crawled.summary.failed_targets.front().find(kUnresolvable) == 0);
  REQUIRE(crawled.pages.count(server.url("/")) == 1);
  CHECK(crawled.pages.at(server.url("/")).status == 200);
  CHECK(crawled.pages.at(server.url("/")).error.empty());
  CHECK(crawled.seconds < 10);
}
