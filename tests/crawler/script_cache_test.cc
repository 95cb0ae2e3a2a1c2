#include "crawler/script_cache.h"

#include <fmt/core.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <thread>
#include <vector>

#include "tests/support/loopback_server.h"
#include "tests/support/temp_dir.h"

using tagdrift::crawler::CrawlOptions;
using tagdrift::crawler::ScriptCache;
using tagdrift::crawler::ScriptProblem;
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
  // Sent compressed, the script's size is unknown until it is read: only the limit is said.
  auto big = cache.fetch(server.url("/big.js"));
  CHECK(big.error == "over the limit of 100000 bytes");
  CHECK(big.problem == ScriptProblem::kTooLarge);
  auto missing = cache.fetch(server.url("/missing.js"));
  CHECK(missing.error == "HTTP 404");
  CHECK(missing.problem == ScriptProblem::kFetchFailed);
  CHECK_FALSE(cache.fetch("file:///etc/passwd").error.empty());
  auto over = cache.fetch(server.url("/other.js"));
  CHECK(over.error.find("more than 3") != std::string::npos);
  CHECK(over.problem == ScriptProblem::kOverLimit);
}

TEST_CASE("script cache: a script served as HTML is not read, one served as text is") {
  LoopbackServer server;
  server.http().Get("/login.js", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("<html>fbq('init', '123');</html>", "text/html; charset=utf-8");
  });
  server.http().Get("/plain.js", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("fbq('init', '123');", "text/plain");
  });
  server.start();
  CrawlOptions options;
  ScriptCache cache(options);
  auto login = cache.fetch(server.url("/login.js"));
  CHECK(login.body.empty());
  CHECK(login.error == "served as text/html; charset=utf-8");
  CHECK(login.problem == ScriptProblem::kNotJavaScript);
  auto plain = cache.fetch(server.url("/plain.js"));
  CHECK(plain.error.empty());
  CHECK(plain.body == "fbq('init', '123');");
}

TEST_CASE("script cache: which content types are not JavaScript") {
  using tagdrift::crawler::is_not_javascript;
  CHECK(is_not_javascript("text/html"));
  CHECK(is_not_javascript("Text/HTML ; charset=utf-8"));
  CHECK(is_not_javascript("image/gif"));
  CHECK(is_not_javascript("text/css"));
  CHECK(is_not_javascript("application/xhtml+xml"));
  CHECK_FALSE(is_not_javascript(""));
  CHECK_FALSE(is_not_javascript("application/javascript"));
  CHECK_FALSE(is_not_javascript("text/javascript; charset=utf-8"));
  CHECK_FALSE(is_not_javascript("application/octet-stream"));
  CHECK_FALSE(is_not_javascript("text/plain"));
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
  site.write("js/huge.js", std::string(options.max_script_bytes + 1, ' '));
  auto huge = cache.fetch("https://www.clinic.test/js/huge.js");
  CHECK(huge.problem == ScriptProblem::kTooLarge);
  CHECK(huge.error == fmt::format("{} bytes, over the limit of {}", options.max_script_bytes + 1,
                                  options.max_script_bytes));
}
