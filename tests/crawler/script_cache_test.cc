#include "crawler/script_cache.h"

#include <atomic>
#include <catch2/catch.hpp>
#include <thread>
#include <vector>

#include "tests/support/loopback_server.h"
#include "tests/support/temp_dir.h"

using tagdrift::crawler::CrawlOptions;
using tagdrift::crawler::ScriptCache;
using tagdrift::testing::LoopbackServer;

TEST_CASE("script cache: each script is fetched once, however many pages ask at once") {
  LoopbackServer server;
  std::atomic<int> hits{0};
  server.http().Get("/gtm.js", [&hits](const httplib::Request&, httplib::Response& res) {
    ++hits;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    res.set_content("fbq('init', '123');", "application/javascript");
  });
  server.start();
  CrawlOptions options;
  ScriptCache cache(options);
  std::vector<std::thread> pages;
  std::atomic<int> ok{0};
  for (int i = 0; i < 8; ++i) {
    pages.emplace_back([&] {
      if (cache.fetch(server.url("/gtm.js")).body == "fbq('init', '123');") ++ok;
    });
  }
  for (auto& page : pages) page.join();
  CHECK(ok == 8);
  CHECK(hits == 1);
  CHECK(cache.fetched() == 1);
}

TEST_CASE("script cache: size, count and protocol budgets are errors, not crashes") {
  LoopbackServer server;
  server.http().Get("/big.js", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(std::string(200000, 'x'), "application/javascript");
  });
  server.http().Get("/missing.js",
                    [](const httplib::Request&, httplib::Response& res) { res.status = 404; });
  server.start();
  CrawlOptions options;
  options.max_script_bytes = 100000;
  options.max_scripts = 3;
  ScriptCache cache(options);
  CHECK(cache.fetch(server.url("/big.js")).error.find("exceeds") != std::string::npos);
  CHECK(cache.fetch(server.url("/missing.js")).error == "HTTP 404");
  CHECK_FALSE(cache.fetch("file:///etc/passwd").error.empty());
  CHECK(cache.fetch(server.url("/other.js")).error.find("more than 3") != std::string::npos);
}

TEST_CASE("script cache: for a directory target, scripts under --base-url come from disk") {
  tagdrift::testing::TempDir site;
  site.write("js/app.js", "pintrk('load', '2612345678901');");
  CrawlOptions options;
  options.targets = {site.path().string()};
  options.base_url = "https://www.clinic.test/";
  ScriptCache cache(options);
  CHECK(cache.fetch("https://www.clinic.test/js/app.js?v=3").body ==
        "pintrk('load', '2612345678901');");
  CHECK_FALSE(cache.fetch("https://www.clinic.test/../../etc/passwd").error.empty());
}
