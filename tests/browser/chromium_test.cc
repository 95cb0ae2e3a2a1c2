#include "browser/chromium.h"

#include <signal.h>

#include <catch2/catch.hpp>
#include <cerrno>
#include <filesystem>

#include "tests/browser/browser_process.h"
#include "tests/support/chromium.h"
#include "tests/support/timing.h"
#include "util/error.h"

using tagdrift::browser::Chromium;

namespace {

// True while `pid` is a process of ours that has not been reaped.
bool exists(pid_t pid) { return ::kill(pid, 0) == 0 || errno != ESRCH; }

}  // namespace

TEST_CASE("chromium: starts on its pipe, answers, and closes reaped with its profile removed") {
  auto options = tagdrift::testing::launch_options_for_test();
  if (!options) return;
  Chromium browser(*options);
  CHECK(browser.version().rfind("HeadlessChrome/", 0) == 0);
  const pid_t pid = browser.pid();
  const auto profile = browser.profile();
  CHECK(std::filesystem::is_directory(profile));
  const auto start = std::chrono::steady_clock::now();
  browser.close();
  CHECK(tagdrift::testing::seconds_since(start) < options->close_grace.count() / 1000.0);
  CHECK_FALSE(exists(pid));
  CHECK_FALSE(std::filesystem::exists(profile));
  browser.close();  // twice is harmless
}

TEST_CASE("chromium: a browser killed from outside is still reaped and its profile removed") {
  auto options = tagdrift::testing::launch_options_for_test();
  if (!options) return;
  Chromium browser(*options);
  const pid_t pid = browser.pid();
  const auto profile = browser.profile();
  const pid_t real = tagdrift::testing::browser_process(pid);
  ::kill(real, SIGKILL);
  browser.close();
  CHECK_FALSE(exists(real));
  CHECK_FALSE(exists(pid));
  CHECK_FALSE(std::filesystem::exists(profile));
}

TEST_CASE("chromium: a program that is not there is a usage error naming it") {
  tagdrift::browser::LaunchOptions options;
  options.program = "/nonexistent/chromium";
  try {
    Chromium browser(options);
    FAIL("a browser started from nothing");
  } catch (const tagdrift::Error& error) {
    CHECK(error.code() == tagdrift::ExitCode::kUsage);
    CHECK(std::string(error.what()).find("/nonexistent/chromium") != std::string::npos);
  }
}

TEST_CASE("chromium: a program that never speaks on the pipe is given up on at the start bound") {
  auto options = tagdrift::testing::launch_options_for_test();
  if (!options) return;
  options->program = "/bin/sleep";  // "sleep --headless ..." fails at once; still no answer
  options->start_timeout = std::chrono::milliseconds(500);
  const auto start = std::chrono::steady_clock::now();
  CHECK_THROWS_AS(Chromium(*options), tagdrift::Error);
  CHECK(tagdrift::testing::seconds_since(start) < 5);
}
