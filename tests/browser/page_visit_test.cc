#include "browser/page_visit.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <mutex>

#include "browser/chromium.h"
#include "tests/browser/fixture_site.h"
#include "tests/support/chromium.h"
#include "tests/support/timing.h"

using tagdrift::browser::Chromium;
using tagdrift::browser::ObservedRequest;
using tagdrift::browser::visit_page;
using tagdrift::browser::VisitOptions;
using tagdrift::browser::VisitResult;

namespace {

const ObservedRequest* find(const VisitResult& visit, const std::string& url_part) {
  for (const auto& request : visit.requests)
    if (request.url.find(url_part) != std::string::npos) return &request;
  return nullptr;
}

VisitOptions quick() {
  VisitOptions options;
  options.navigation_timeout = std::chrono::seconds(10);
  options.runtime_wait = std::chrono::seconds(3);
  options.quiet_window = std::chrono::milliseconds(300);
  return options;
}

}  // namespace

TEST_CASE("page visit: every request a page causes, with method, type, body and initiator") {
  auto launch = tagdrift::testing::launch_options_for_test();
  if (!launch) return;
  tagdrift::testing::FixtureSite site;
  Chromium browser(*launch);
  const auto visit = visit_page(browser.devtools(), site.url("/tags"), quick());
  INFO(visit.error);
  CHECK(visit.error.empty());
  CHECK(visit.loaded);
  CHECK(visit.quiet);
  CHECK(visit.final_url == site.url("/tags"));

  const auto* document = find(visit, "/tags");
  REQUIRE(document);
  CHECK(document->resource_type == "Document");

  const auto* fetched = find(visit, "/api/fetch?q=1");
  REQUIRE(fetched);
  CHECK(fetched->method == "GET");
  CHECK(fetched->resource_type == "Fetch");
  CHECK(fetched->initiator.type == "script");
  CHECK(fetched->initiator.url == site.url("/tags"));

  const auto* xhr = find(visit, "/api/xhr");
  REQUIRE(xhr);
  CHECK(xhr->method == "POST");
  CHECK(xhr->resource_type == "XHR");
  CHECK(xhr->post_data == "email=a%40b.test");

  const auto* beacon = find(visit, "/beacon");
  REQUIRE(beacon);
  CHECK(beacon->resource_type == "Ping");
  CHECK(beacon->post_data == "event=PageView&id=42");

  // The pixel is recorded, then never sent.
  const auto* pixel = find(visit, "/pixel.gif?tid=2612345678901");
  REQUIRE(pixel);
  CHECK(pixel->resource_type == "Image");
  CHECK(pixel->blocked);
  CHECK(site.hits("/pixel.gif") == 0);
  CHECK_FALSE(fetched->blocked);

  // A script injected by a script: the request it makes names it, then the loader.
  const auto* injected = find(visit, "/from-injected");
  REQUIRE(injected);
  CHECK(injected->post_data == "ev=lead");
  CHECK(injected->initiator.url == site.url("/injected.js"));
  const auto* injected_script = find(visit, "/injected.js");
  REQUIRE(injected_script);
  CHECK(injected_script->initiator.url == site.url("/loader.js"));
}

TEST_CASE("page visit: cookies set by the server and by script, each with its lifetime") {
  auto launch = tagdrift::testing::launch_options_for_test();
  if (!launch) return;
  tagdrift::testing::FixtureSite site;
  Chromium browser(*launch);
  const auto visit = visit_page(browser.devtools(), site.url("/tags"), quick());
  REQUIRE(visit.cookies.size() == 2);
  for (const auto& cookie : visit.cookies) {
    CHECK(cookie.domain == "127.0.0.1");
    CHECK_FALSE(cookie.third_party);
    CHECK_FALSE(cookie.session);
    CHECK(cookie.expires > 0);
  }
  CHECK(std::any_of(visit.cookies.begin(), visit.cookies.end(),
                    [](const auto& c) { return c.name == "server"; }));

  // A fresh context for every visit: the next one starts without them.
  const auto next = visit_page(browser.devtools(), site.url("/alert"), quick());
  CHECK(next.cookies.empty());
}

TEST_CASE("page visit: images, media and fonts are recorded and blocked") {
  auto launch = tagdrift::testing::launch_options_for_test();
  if (!launch) return;
  tagdrift::testing::FixtureSite site;
  Chromium browser(*launch);
  const auto visit = visit_page(browser.devtools(), site.url("/styled"), quick());
  CHECK(visit.error.empty());
  for (const char* path : {"/photo.jpg", "/font.woff2", "/clip.mp4"}) {
    INFO(path);
    const auto* request = find(visit, path);
    REQUIRE(request);
    CHECK(request->blocked);
    CHECK(site.hits(path) == 0);
  }
}

TEST_CASE("page visit: dialogs are dismissed, popups recorded and closed, downloads denied") {
  auto launch = tagdrift::testing::launch_options_for_test();
  if (!launch) return;
  tagdrift::testing::FixtureSite site;
  Chromium browser(*launch);
  const auto alert = visit_page(browser.devtools(), site.url("/alert"), quick());
  CHECK(alert.error.empty());
  CHECK(alert.loaded);
  REQUIRE(alert.dialogs.size() == 2);
  CHECK(alert.dialogs[0].type == "alert");
  CHECK(alert.dialogs[0].message == "hello");
  CHECK(alert.dialogs[1].type == "confirm");

  const auto popup = visit_page(browser.devtools(), site.url("/popup"), quick());
  CHECK(popup.error.empty());
  REQUIRE(popup.popups.size() == 1);
  CHECK(popup.popups[0] == site.url("/popped"));

  const auto download = visit_page(browser.devtools(), site.url("/download"), quick());
  CHECK(download.error.empty());
  CHECK(download.loaded);
  CHECK(download.downloads == std::vector<std::string>{site.url("/file.bin")});
  auto files = std::filesystem::directory_iterator(browser.profile());
  for (const auto& file : files) CHECK(file.path().filename() != "file.bin");

  // The browser still works after all that.
  const auto after = visit_page(browser.devtools(), site.url("/tags"), quick());
  CHECK(after.error.empty());
  CHECK(find(after, "/beacon"));
}

TEST_CASE("page visit: a page that navigates away keeps the requests of both documents") {
  auto launch = tagdrift::testing::launch_options_for_test();
  if (!launch) return;
  tagdrift::testing::FixtureSite site;
  Chromium browser(*launch);
  const auto visit = visit_page(browser.devtools(), site.url("/away"), quick());
  CHECK(visit.error.empty());
  CHECK(find(visit, "/first-beacon"));
  CHECK(find(visit, "/second-beacon"));
  CHECK(visit.final_url == site.url("/second"));
}

TEST_CASE("page visit: console errors and uncaught exceptions are kept") {
  auto launch = tagdrift::testing::launch_options_for_test();
  if (!launch) return;
  tagdrift::testing::FixtureSite site;
  Chromium browser(*launch);
  const auto visit = visit_page(browser.devtools(), site.url("/console"), quick());
  REQUIRE(visit.console_errors.size() == 2);
  CHECK(visit.console_errors[0] == "bad thing");
  CHECK(visit.console_errors[1].find("TypeError") != std::string::npos);
}

TEST_CASE("page visit: a page that cannot be reached is a navigation error") {
  auto launch = tagdrift::testing::launch_options_for_test();
  if (!launch) return;
  std::string closed_port;
  {
    tagdrift::testing::LoopbackServer gone;
    gone.start();
    closed_port = gone.url("/");
  }
  Chromium browser(*launch);
  const auto visit = visit_page(browser.devtools(), closed_port, quick());
  CHECK(visit.error == "navigation failed: net::ERR_CONNECTION_REFUSED");
  CHECK_FALSE(visit.loaded);
}

TEST_CASE("page visit: a renderer that crashes ends the visit as a page error") {
  auto launch = tagdrift::testing::launch_options_for_test();
  if (!launch) return;
  tagdrift::testing::FixtureSite site;
  Chromium browser(*launch);
  const auto crashed = visit_page(browser.devtools(), "chrome://crash", quick());
  CHECK(crashed.error == "the page's renderer crashed");
  const auto next = visit_page(browser.devtools(), site.url("/tags"), quick());
  CHECK(next.error.empty());
  CHECK(find(next, "/beacon"));
}

TEST_CASE("page visit: a page that never goes quiet ends at the cap with what it saw") {
  auto launch = tagdrift::testing::launch_options_for_test();
  if (!launch) return;
  tagdrift::testing::FixtureSite site;
  Chromium browser(*launch);
  auto options = quick();
  options.runtime_wait = std::chrono::milliseconds(1500);
  const auto visit = visit_page(browser.devtools(), site.url("/never-quiet"), options);
  CHECK(visit.error.empty());
  CHECK(visit.loaded);
  CHECK_FALSE(visit.quiet);
  CHECK(visit.requests.size() >= 5);
  CHECK(visit.seconds < 1.5 + 3);
}

TEST_CASE("page visit: a page looping forever in script ends at the navigation timeout") {
  auto launch = tagdrift::testing::launch_options_for_test();
  if (!launch) return;
  tagdrift::testing::FixtureSite site;
  Chromium browser(*launch);
  auto options = quick();
  options.navigation_timeout = std::chrono::seconds(2);
  const auto visit = visit_page(browser.devtools(), site.url("/loop"), options);
  CHECK(visit.error == "navigation did not finish within 2000 ms");
  CHECK(find(visit, "/loop"));
  CHECK(visit.seconds < 2 + 7);
  const auto next = visit_page(browser.devtools(), site.url("/tags"), quick());
  CHECK(next.error.empty());
  CHECK(find(next, "/beacon"));
}

TEST_CASE("page visit: a 50 MB page ends within its bounds with what it saw") {
  auto launch = tagdrift::testing::launch_options_for_test();
  if (!launch) return;
  tagdrift::testing::FixtureSite site;
  Chromium browser(*launch);
  auto options = quick();
  options.navigation_timeout = std::chrono::seconds(6);
  const auto visit = visit_page(browser.devtools(), site.url("/big"), options);
  // Loaded or not within the bound (it depends on the machine), never stuck.
  CHECK((visit.loaded || visit.error == "navigation did not finish within 6000 ms"));
  CHECK(find(visit, "/big-beacon"));
  CHECK(visit.seconds < 6 + 8);
  const auto next = visit_page(browser.devtools(), site.url("/tags"), quick());
  CHECK(next.error.empty());
}

TEST_CASE("page visit: extra headers, cookies and basic auth reach the server") {
  auto launch = tagdrift::testing::launch_options_for_test();
  if (!launch) return;
  std::mutex mu;
  std::vector<std::string> staging, cookies;
  int challenges = 0;
  tagdrift::testing::LoopbackServer server;
  server.http().Get(R"(/private.*)", [&](const httplib::Request& req, httplib::Response& res) {
    std::lock_guard lock(mu);
    if (req.get_header_value("Authorization") != "Basic c3RhZmY6czNjcmV0") {
      ++challenges;
      res.status = 401;
      res.set_header("WWW-Authenticate", "Basic realm=\"staging\"");
      res.set_content("no", "text/plain");
      return;
    }
    staging.push_back(req.get_header_value("X-Staging"));
    cookies.push_back(req.get_header_value("Cookie"));
    res.set_content("<script>fetch('/private-beacon')</script>", "text/html");
  });
  server.start();
  Chromium browser(*launch);
  auto options = quick();
  options.headers = {{"X-Staging", "yes"}};
  options.cookies = {{"session", "abc"}};
  options.basic_auth = tagdrift::browser::BasicAuth{"staff", "s3cret"};

  const auto visit = visit_page(browser.devtools(), server.url("/private"), options);
  CHECK(visit.error.empty());
  CHECK(visit.loaded);
  CHECK(find(visit, "/private-beacon"));
  {
    std::lock_guard lock(mu);
    CHECK(staging == std::vector<std::string>{"yes", "yes"});
    CHECK(cookies == std::vector<std::string>{"session=abc", "session=abc"});
    challenges = 0;
  }

  // Refused credentials are not offered again: the page is the server's 401.
  options.basic_auth = tagdrift::browser::BasicAuth{"staff", "wrong"};
  const auto refused = visit_page(browser.devtools(), server.url("/private"), options);
  CHECK(refused.loaded);
  CHECK_FALSE(find(refused, "/private-beacon"));
  std::lock_guard lock(mu);
  CHECK(challenges == 2);
}

TEST_CASE("page visit: a request option the browser refuses is the visit's error") {
  auto launch = tagdrift::testing::launch_options_for_test();
  if (!launch) return;
  tagdrift::testing::FixtureSite site;
  Chromium browser(*launch);
  auto options = quick();
  options.headers = {{"X-Broken", "a\nb"}};
  const auto visit = visit_page(browser.devtools(), site.url("/tags"), options);
  CHECK(visit.error.rfind("the browser refused: Network.setExtraHTTPHeaders", 0) == 0);
  CHECK(visit.requests.empty());
  CHECK(site.hits("/tags") == 0);
}
