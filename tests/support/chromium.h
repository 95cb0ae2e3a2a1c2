#pragma once

#include <filesystem>
#include <optional>

#include "browser/launch_options.h"

namespace tagdrift::testing {

// The Chromium a browser test drives (browser::find_chromium). When none is installed this
// warns and returns nothing, and the test returns early; it fails instead when
// TAGDRIFT_REQUIRE_BROWSER is set (scripts/test sets it, since scripts/deps installs Debian's
// chromium-headless-shell): CI never skips a browser test.
std::optional<std::filesystem::path> chromium_for_test();

// Launch options for that Chromium, without the sandbox when running as root (where it cannot
// work); nothing as chromium_for_test().
std::optional<browser::LaunchOptions> launch_options_for_test();

}  // namespace tagdrift::testing
