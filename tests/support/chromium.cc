#include "tests/support/chromium.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <string_view>

#include "browser/chromium_binary.h"

namespace tagdrift::testing {

std::optional<std::filesystem::path> chromium_for_test() {
  if (auto found = browser::find_chromium()) return found;
  const char* required = std::getenv("TAGDRIFT_REQUIRE_BROWSER");
  if (required && *required && std::string_view(required) != "0")
    FAIL(
        "no Chromium found (install chromium-headless-shell, or set TAGDRIFT_CHROMIUM); "
        "TAGDRIFT_REQUIRE_BROWSER is set");
  WARN(
      "browser test not run: no Chromium found (install chromium-headless-shell, or set "
      "TAGDRIFT_CHROMIUM)");
  return std::nullopt;
}

std::optional<browser::LaunchOptions> launch_options_for_test() {
  auto program = chromium_for_test();
  if (!program) return std::nullopt;
  browser::LaunchOptions options;
  options.program = *program;
  options.no_sandbox = ::geteuid() == 0;
  return options;
}

}  // namespace tagdrift::testing
