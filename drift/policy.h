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
  // "<file>:<line>:<col>: <what>" for what loads but can never act (a glob no page path can
  // match, allow rules with no deny rule to excuse from): to be shown, not to stop the command.
  std::vector<std::string> warnings;
};

// Reads and checks a policy file, so that a typo never silently switches a rule off. Throws the
// usage error "<file>:<line>:<col>: <what>" for malformed TOML, unknown keys, wrong value types,
// a rule without vendor, category or key, an unknown category or vendor (a vendor, or the vendor
// of a key, that is not in `known_vendors` nor "unknown"), a bad fail_on, a bad glob, or
// fail_on = "policy" without a deny rule; each unknown name with the closest known one ("did
// you mean 'pinterest'?"). "<file>: ..." when it cannot be read, is a directory, or sets nothing
// (empty, only comments: /dev/null too).
Policy load_policy(const std::string& path, const std::vector<std::string>& known_vendors);

// The same for policy text already in memory; `name` stands for the file in messages.
Policy parse_policy(std::string_view text, const std::string& name,
                    const std::vector<std::string>& known_vendors);

}  // namespace tagdrift::drift
