#pragma once

#include <filesystem>
#include <optional>

namespace tagdrift::browser {

// The headless Chromium to drive: $TAGDRIFT_CHROMIUM when set (it must then be an executable
// file), otherwise the first of Debian's `chromium-headless-shell` and `chromium` on PATH.
// Nothing when none is found; callers say what to install.
std::optional<std::filesystem::path> find_chromium();

}  // namespace tagdrift::browser
