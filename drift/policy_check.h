// Policy check: which deny rules of a site's policy a finding breaks, and on which pages, after
// the allow rules have carved out their exceptions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "drift/policy.h"
#include "drift/report_model.h"

namespace tagdrift::drift {

// True when every selector the rule gives (vendor, category, key) matches the finding.
bool selects(const PolicyRule& rule, const Finding& finding);

// The rule's glob that covers `path` ("" when the rule has no paths, so covers every page), or
// nullopt when it does not cover the path.
std::optional<std::string> covering_glob(const PolicyRule& rule, std::string_view path);

// One line per deny rule (and glob) the finding breaks, naming the pages:
// "deny advertising on /services/** (no ad tags on clinical pages): /services/ivf/". A page
// an allow rule covers for this finding breaks no deny rule.
std::vector<std::string> policy_violations(const Policy& policy, const Finding& finding,
                                           std::string_view site);

// The same rules as data: one breach per deny rule (and glob), in the same order.
std::vector<PolicyBreach> policy_breaches(const Policy& policy, const Finding& finding);

// A breach as its policy_violations() line.
std::string violation_line(const PolicyBreach& breach, std::string_view site);

}  // namespace tagdrift::drift
