#include "util/toml_position.h"

#include <fmt/core.h>

#include "util/error.h"

namespace tagdrift {

std::string toml_where(const std::string& file, const toml::source_region& at) {
  return fmt::format("{}:{}:{}", file, at.begin.line, at.begin.column);
}

void toml_fail_at(const std::string& file, const toml::source_region& at, const std::string& what) {
  throw usage_error(toml_where(file, at) + ": " + what);
}

}  // namespace tagdrift
