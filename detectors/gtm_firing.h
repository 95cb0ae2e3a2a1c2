// A GTM firing rule as a person reads it in the Tag Manager UI: "All Pages",
// "Page Path contains /appointments and Event equals gtm.click". Internal to
// detectors/gtm_container.cc.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace tagdrift::detectors {

// `rule` is one entry of the resource's rules ([["if", 0, 3], ["unless", 2], ["add", 5]]);
// `predicates` and `macros` are the resource's lists. At most about 200 bytes.
std::string rule_text(const nlohmann::json& rule, const nlohmann::json& predicates,
                      const nlohmann::json& macros);

}  // namespace tagdrift::detectors
