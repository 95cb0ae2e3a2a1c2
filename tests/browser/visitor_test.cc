#include "browser/visitor.h"

#include <signal.h>

#include <algorithm>
#include <atomic>
#include <catch2/catch.hpp>
#include <thread>

#include "tests/browser/browser_process.h"
#include "tests/browser/fixture_site.h"
#include "tests/support/chromium.h"
#include "tests/support/loopback_server.h"
#include "tests/support/timing.h"
#include "util/error.h"

using tagdrift::browser::VisitOptions;
using tagdrift::browser::Visitor;

namespace {

VisitOptions quick() {
  VisitOptions options;
  options.navigation_timeout = std::chrono::seconds(10);
  options.runtime_wait = std::chrono::seconds(2);
  options.quiet_window = std::chrono::milliseconds(300);
  return options;
}

bool sent(const tagdrift::browser::VisitResult& visit, const std::string& url_part) {
  return std::any_of(visit.requests.begin(), visit.requests.end(),
                     [&](const auto& r) { return r.url.find(url_part) != std::string::npos; });
}

}  // namespace

TEST_CASE("visitor: pages in parallel tabs, each in its own context, results in order") {
  auto launch = tagdrift::testing::launch_options_for_test();
  if (!launch) return;
  std::atomic<int> busy{0}, most{0};
  tagdrift::testing::LoopbackServer server;
  server.http().Get(R"(/page/(\d+))", [&](const httplib::Request& req, httplib::Response& res) {
    const int now = ++busy;
    for (int seen = most; now > seen && !most.compare_exchange_weak(seen, now);) {
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    --busy;
    const auto n = req.matches[1].str();
    res.set_header("Set-Cookie", "page" + n + "=1; Max-Age=600");
    res.set_content("<script>fetch('/beacon?n=" + n + "')</script>", "text/html");
  });
  server.start();
  std::vector<std::string> urls;
  for (int i = 0; i < 6; ++i) urls.push_back(server.url("/page/" + std::to_string(i)));

  Visitor visitor(*launch, quick(), 3);
  const auto results = visitor.visit(urls);
  REQUIRE(results.size() == 6);
  for (int i = 0; i < 6; ++i) {
    INFO(i);
    const auto& visit = results[static_cast<std::size_t>(i)];
    CHECK(visit.error.empty());
    CHECK(visit.url == urls[static_cast<std::size_t>(i)]);
    CHECK(sent(visit, "/beacon?n=" + std::to_string(i)));
    // Only its own cookie: nothing leaked from the tabs beside it.
    REQUIRE(visit.cookies.size() == 1);
    CHECK(visit.cookies[0].name == "page" + std::to_string(i));
  }
  CHECK(most >= 2);
  CHECK(visitor.restarts() == 0);
}

TEST_CASE("visitor: a browser killed mid-visit fails that visit; it restarts and the rest go on") {
  auto launch = tagdrift::testing::launch_options_for_test();
  if (!launch) return;
  tagdrift::testing::FixtureSite site;
  auto options = quick();
  options.runtime_wait = std::chrono::seconds(8);
  Visitor visitor(*launch, options, 1);
  std::atomic<bool> killed{false};
  std::thread killer([&] {
    // Kill the browser's own process once the first visit is under way.
    for (int i = 0; i < 200 && !killed; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      if (site.hits("/tick") > 2) {
        ::kill(tagdrift::testing::browser_process(visitor.browser_pid()), SIGKILL);
        killed = true;
      }
    }
  });
  const auto start = std::chrono::steady_clock::now();
  const auto results =
      visitor.visit({site.url("/never-quiet"), site.url("/tags"), site.url("/tags")});
  killer.join();
  REQUIRE(killed);
  CHECK(tagdrift::testing::seconds_since(start) < 15);
  CHECK(results[0].error == "the browser exited during the visit");
  CHECK(sent(results[0], "/tick"));  // what it saw until then is kept
  for (std::size_t i : {1u, 2u}) {
    INFO(i);
    CHECK(results[i].error.empty());
    CHECK(sent(results[i], "/beacon"));
  }
  CHECK(visitor.restarts() == 1);
}

TEST_CASE("visitor: a browser that cannot start is one usage error") {
  tagdrift::browser::LaunchOptions launch;
  launch.program = "/nonexistent/chromium";
  Visitor visitor(launch, quick(), 2);
  CHECK_THROWS_AS(visitor.visit({"http://127.0.0.1:9/", "http://127.0.0.1:9/a"}), tagdrift::Error);
}
