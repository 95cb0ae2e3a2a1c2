#pragma once

#include <filesystem>
#include <optional>

namespace tagdrift::testing {

// The Chromium a browser test drives (browser::find_chromium). When none is installed this
// warns and returns nothing, and the test returns early; it fails instead when
// TAGDRIFT_REQUIRE_BROWSER is set (scripts/test sets it, since scripts/deps installs Debian's
// chromium-headless-shell): CI never skips a browser test.
std::optional<std::filesystem::path> chromium_for_test();

}  // namespace tagdrift::testing
