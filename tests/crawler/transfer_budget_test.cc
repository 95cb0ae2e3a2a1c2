#include "crawler/transfer_budget.h"

#include <algorithm>
#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "crawler/crawl.h"
#include "tests/support/loopback_server.h"

using tagdrift::crawler::CrawlOptions;
using tagdrift::crawler::Page;
using tagdrift::crawler::TransferBudget;
using tagdrift::testing::LoopbackServer;

namespace {

// Requests being answered right now across every server that shares it, and the most seen.
struct InFlight {
  std::atomic<int> now{0};
  std::atomic<int> most{0};
};

// A home page linking to ten slow pages; each page request counts itself in `flight`.
void serve_slow_site(LoopbackServer& server, InFlight& flight) {
  server.http().Get(R"(/(p\d+)?)", [&flight](const httplib::Request&, httplib::Response& res) {
    const int now = ++flight.now;
    int most = flight.most.load();
    while (now > most && !flight.most.compare_exchange_weak(most, now)) {
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(80));
    std::string html = "<html><body>";
    for (int i = 0; i < 10; ++i) html += "<a href=\"/p" + std::to_string(i) + "\">p</a>";
    res.set_content(html + "</body></html>", "text/html");
    --flight.now;
  });
  server.start();
}

CrawlOptions options_for(const LoopbackServer& server, std::shared_ptr<TransferBudget> budget) {
  CrawlOptions options;
  options.targets = {server.url("/")};
  options.ignore_robots = true;
  options.use_sitemaps = false;
  options.concurrency = 4;
  options.parse_threads = 1;
  options.transfer_budget = std::move(budget);
  return options;
}

// Crawls both servers at once, each on its own thread; returns the pages each crawl fetched.
std::vector<std::size_t> crawl_both(LoopbackServer& a, LoopbackServer& b,
                                    const std::shared_ptr<TransferBudget>& budget) {
  std::vector<std::size_t> fetched(2, 0);
  std::vector<std::thread> threads;
  LoopbackServer* servers[] = {&a, &b};
  for (std::size_t i = 0; i < 2; ++i) {
    threads.emplace_back([&, i] {
      CrawlOptions options = options_for(*servers[i], budget);
      auto process = [](Page& page) { return tagdrift::crawler::links_only(page, 100); };
      fetched[i] = tagdrift::crawler::crawl(options, process, [](Page&&) {}).pages_fetched;
    });
  }
  for (auto& thread : threads) thread.join();
  return fetched;
}

}  // namespace

TEST_CASE("transfer budget: crawls running at once stay within the transfers they share") {
  InFlight flight;
  LoopbackServer a, b;
  serve_slow_site(a, flight);
  serve_slow_site(b, flight);
  auto budget = std::make_shared<TransferBudget>(2);
  std::vector<std::size_t> fetched = crawl_both(a, b, budget);
  CHECK(fetched == std::vector<std::size_t>{11, 11});
  // The two crawls could have eight pages in flight; one crawl may overshoot by one at a race.
  CHECK(flight.most.load() <= 3);
  CHECK(budget->in_flight() == 0);
}

TEST_CASE("transfer budget: without one, each crawl keeps only its own concurrency") {
  InFlight flight;
  LoopbackServer a, b;
  serve_slow_site(a, flight);
  serve_slow_site(b, flight);
  std::vector<std::size_t> fetched = crawl_both(a, b, nullptr);
  CHECK(fetched == std::vector<std::size_t>{11, 11});
  CHECK(flight.most.load() > 3);  // the check above can fail
}
