#include "browser/devtools.h"

#include <signal.h>

#include <catch2/catch.hpp>

#include "browser/chromium.h"
#include "browser/devtools_error.h"
#include "tests/browser/browser_process.h"
#include "tests/support/chromium.h"
#include "tests/support/loopback_server.h"
#include "tests/support/timing.h"

using tagdrift::browser::Chromium;
using tagdrift::browser::DevToolsError;
using Json = nlohmann::json;

namespace {

// Opens a page target and attaches to it flattened; returns its session id.
std::string attach_page(tagdrift::browser::DevTools& devtools) {
  const auto target = devtools.call("Target.createTarget", {{"url", "about:blank"}});
  const auto attached =
      devtools.call("Target.attachToTarget", {{"targetId", target["targetId"]}, {"flatten", true}});
  return attached["sessionId"].get<std::string>();
}

}  // namespace

TEST_CASE("devtools: results, protocol errors and events of a flattened session") {
  auto options = tagdrift::testing::launch_options_for_test();
  if (!options) return;
  tagdrift::testing::LoopbackServer server;
  server.http().Get("/", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("<title>hello</title><p>hi", "text/html");
  });
  server.start();
  Chromium browser(*options);
  auto& devtools = browser.devtools();

  CHECK(devtools.call("Browser.getVersion").contains("protocolVersion"));
  try {
    devtools.call("No.suchMethod");
    FAIL("an unknown method answered");
  } catch (const DevToolsError& error) {
    CHECK(error.kind() == DevToolsError::Kind::kProtocol);
    CHECK(std::string(error.what()).find("No.suchMethod") != std::string::npos);
  }

  const auto session = attach_page(devtools);
  devtools.listen(session);
  devtools.call("Page.enable", Json::object(), session);
  devtools.call("Page.navigate", {{"url", server.url("/")}}, session);
  bool loaded = false;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!loaded) {
    auto event = devtools.next_event(session, deadline);
    REQUIRE(event.has_value());
    CHECK(event->session == session);
    loaded = event->method == "Page.loadEventFired";
  }
  const auto title = devtools.call("Runtime.evaluate", {{"expression", "document.title"}}, session);
  CHECK(title["result"]["value"] == "hello");
}

TEST_CASE("devtools: every wait ends at its bound") {
  auto options = tagdrift::testing::launch_options_for_test();
  if (!options) return;
  Chromium browser(*options);
  auto& devtools = browser.devtools();
  const auto session = attach_page(devtools);
  devtools.listen(session);
  auto start = std::chrono::steady_clock::now();
  CHECK_FALSE(devtools.next_event(session, start + std::chrono::milliseconds(200)).has_value());
  CHECK(tagdrift::testing::seconds_since(start) < 2);

  // A page busy forever in script cannot answer an evaluation.
  devtools.send("Runtime.evaluate", {{"expression", "for(;;){}"}}, session);
  start = std::chrono::steady_clock::now();
  try {
    devtools.call("Runtime.evaluate", {{"expression", "1"}}, session,
                  std::chrono::milliseconds(300));
    FAIL("a page in an endless loop answered");
  } catch (const DevToolsError& error) {
    CHECK(error.kind() == DevToolsError::Kind::kTimeout);
  }
  CHECK(tagdrift::testing::seconds_since(start) < 2);
}

TEST_CASE("devtools: a browser killed mid-call ends the call and every later one as closed") {
  auto options = tagdrift::testing::launch_options_for_test();
  if (!options) return;
  Chromium browser(*options);
  auto& devtools = browser.devtools();
  const auto session = attach_page(devtools);
  devtools.listen(session);
  devtools.send("Runtime.evaluate", {{"expression", "for(;;){}"}}, session);
  std::thread killer([pid = tagdrift::testing::browser_process(browser.pid())] {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    ::kill(pid, SIGKILL);
  });
  const auto start = std::chrono::steady_clock::now();
  try {
    devtools.call("Runtime.evaluate", {{"expression", "1"}}, session, std::chrono::seconds(20));
    FAIL("a killed browser answered");
  } catch (const DevToolsError& error) {
    CHECK(error.kind() == DevToolsError::Kind::kClosed);
  }
  killer.join();
  CHECK(tagdrift::testing::seconds_since(start) < 10);
  CHECK(devtools.closed());
  CHECK_THROWS_AS(devtools.call("Browser.getVersion"), DevToolsError);
  CHECK_THROWS_AS(devtools.next_event(session, std::chrono::steady_clock::now()), DevToolsError);
}
