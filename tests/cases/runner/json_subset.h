// Compares a JSON report with what a scenario case expects of it: every member the case names
// must be there and equal; a list of objects that carry a "key" or a "url" is compared as a set
// by that identity (none missing, none extra), each member then compared the same way.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace tagdrift::testing {

// One line per difference, "path: what"; empty when `actual` holds everything `expected` says.
std::vector<std::string> json_subset_problems(const nlohmann::json& expected,
                                              const nlohmann::json& actual);

}  // namespace tagdrift::testing
