#include "browser/chromium_binary.h"

#include <unistd.h>

#include <cstdlib>
#include <string_view>

namespace tagdrift::browser {
namespace {

bool is_executable(const std::filesystem::path& path) {
  std::error_code ignored;
  return std::filesystem::is_regular_file(path, ignored) && ::access(path.c_str(), X_OK) == 0;
}

std::optional<std::filesystem::path> on_path(std::string_view name) {
  const char* path = std::getenv("PATH");
  std::string_view dirs = path ? path : "/usr/bin:/bin";
  while (!dirs.empty()) {
    const auto colon = dirs.find(':');
    const auto dir = dirs.substr(0, colon);
    if (!dir.empty()) {
      auto candidate = std::filesystem::path(dir) / name;
      if (is_executable(candidate)) return candidate;
    }
    if (colon == std::string_view::npos) break;
    dirs.remove_prefix(colon + 1);
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::filesystem::path> find_chromium() {
  if (const char* chosen = std::getenv("TAGDRIFT_CHROMIUM"); chosen && *chosen) {
    if (is_executable(chosen)) return std::filesystem::path(chosen);
    return std::nullopt;
  }
  for (const char* name : {"chromium-headless-shell", "chromium"})
    if (auto found = on_path(name)) return found;
  return std::nullopt;
}

}  // namespace tagdrift::browser
