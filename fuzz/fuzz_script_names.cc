// Fuzzes the name lookup of detectors/script_names: the input's first line is the names a vendor
// call was given (space-separated), the rest the script. Whatever the input, it must end within
// its limits, and every value must be a literal as the lookup promises.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "detectors/script_names.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace tagdrift::detectors;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t line = input.find('\n');
  std::string_view first = input.substr(0, line);
  std::string_view script = line == std::string_view::npos ? "" : input.substr(line + 1);
  std::vector<std::string> names;
  for (std::size_t at = 0; at <= first.size();) {
    std::size_t end = first.find(' ', at);
    if (end == std::string_view::npos) end = first.size();
    if (end > at) names.emplace_back(first.substr(at, end - at));
    at = end + 1;
  }
  ScriptNameLimits small;  // tight limits reach their edges with small inputs
  small.max_names = 2;
  small.max_values = 2;
  small.max_assignments = 8;
  for (const ScriptNameLimits& limits : {ScriptNameLimits{}, small}) {
    const auto found = assigned_literals(script, names, limits);
    if (found.size() > limits.max_names) __builtin_trap();
    for (const auto& [name, values] : found) {
      if (values.empty() || values.size() > limits.max_values) __builtin_trap();
      for (const std::string& value : values) {
        if (value.empty() || value.size() > 256 || value.find('\n') != std::string::npos) {
          __builtin_trap();
        }
      }
    }
    std::vector<MatchHit> hits(1);
    hits[0].has_name = true;
    hits[0].captured_name = names.empty() ? "" : names[0];
    with_assigned_literals(hits, script, limits);
  }
  return 0;
}
