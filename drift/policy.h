// Policy: a site's own rules on which tags may run where, read from a TOML file committed with
// the website (docs/policy.md). Deny rules flag findings; allow rules carve exceptions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "drift/path_glob.h"
#include "drift/report_model.h"

namespace tagdrift::drift {

struct PolicyRule {
  std::string vendor, category, key;  // what it selects; every one given must match
  std::vector<PathGlob> paths;        // where; empty means every page
  std::string reason;
};

struct Policy {
  std::optional<FailOn> fail_on;  // absent when the file does not set it
  std::vector<PolicyRule> deny, allow;
};

// Reads and checks a policy file. Throws the usage error "<file>:<line>:<col>: <what>" for
// malformed TOML, unknown keys, wrong value types, a rule without vendor, category or key, an
// unknown category, a bad fail_on or a bad glob; "<file>: cannot read the policy file" when it
// cannot be opened.
Policy load_policy(const std::string& path);

// The same for policy text already in memory; `name` stands for the file in messages.
Policy parse_policy(std::string_view text, const std::string& name);

}  // namespace tagdrift::drift
