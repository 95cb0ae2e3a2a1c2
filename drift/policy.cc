#include "drift/policy.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <toml++/toml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "drift/fail_on.h"
#include "util/closest_name.h"
#include "util/error.h"
#include "util/toml_position.h"

namespace tagdrift::drift {
namespace {

const std::vector<std::string> kCategories = {
    "advertising", "analytics", "session-replay", "tag-manager", "marketing-automation",
    "chat",        "cdp",       "consent",        "other"};
const std::vector<std::string> kTopKeys = {"fail_on", "deny", "allow"};
const std::vector<std::string> kRuleKeys = {"vendor", "category", "key", "paths", "reason"};
const std::vector<std::string> kFailOnNames = {"never", "policy", "new", "high", "critical"};

struct Reader {
  const std::string& file;
  std::vector<std::string> vendors;  // the signatures' vendor ids and "unknown"
  std::vector<std::string>& warnings;

  std::string string_at(const toml::node& node, std::string_view key) const {
    std::optional<std::string> value = node.value<std::string>();
    if (!value) toml_fail_at(file, node.source(), fmt::format("'{}' must be a string", key));
    return *value;
  }

  std::vector<PathGlob> globs_at(const toml::node& node) const {
    const toml::array* array = node.as_array();
    if (array == nullptr) toml_fail_at(file, node.source(), "'paths' must be a list of path globs");
    std::vector<PathGlob> globs;
    for (const toml::node& item : *array) {
      std::string error;
      std::optional<PathGlob> glob = PathGlob::compile(string_at(item, "paths"), &error);
      if (!glob) toml_fail_at(file, item.source(), error);
      std::string never = never_matches(glob->text());
      if (!never.empty()) {
        warnings.push_back(fmt::format("{}: glob '{}' can never match: {}",
                                       toml_where(file, item.source()), glob->text(), never));
      }
      globs.push_back(std::move(*glob));
    }
    return globs;
  }

  void check_category(const toml::node& node, const std::string& category) const {
    if (std::find(kCategories.begin(), kCategories.end(), category) == kCategories.end()) {
      toml_fail_at(file, node.source(),
                   fmt::format("unknown category '{}' (one of: {}){}", category,
                               fmt::join(kCategories, ", "), did_you_mean(category, kCategories)));
    }
  }

  // `what` is the vendor itself, or the key it came from.
  void check_vendor(const toml::node& node, const std::string& vendor,
                    const std::string& what) const {
    if (std::find(vendors.begin(), vendors.end(), vendor) != vendors.end()) return;
    std::string hint = did_you_mean(vendor, vendors);
    toml_fail_at(
        file, node.source(),
        fmt::format("unknown vendor '{}'{}{}", vendor,
                    what == vendor ? "" : fmt::format(" in key '{}'", what),
                    hint.empty() ? " (tagdrift signatures list names every vendor)" : hint));
  }

  void read_field(PolicyRule& rule, std::string_view kind, const toml::key& name,
                  const toml::node& node) const {
    const std::string_view key = name.str();
    if (key == "vendor") {
      rule.vendor = string_at(node, key);
      check_vendor(node, rule.vendor, rule.vendor);
    } else if (key == "category") {
      rule.category = string_at(node, key);
      check_category(node, rule.category);
    } else if (key == "key") {
      rule.key = string_at(node, key);
      const std::size_t colon = rule.key.find(':');
      if (colon == std::string::npos) {
        toml_fail_at(file, node.source(), "'key' must be a tag key like \"vendor:id\"");
      }
      check_vendor(node, rule.key.substr(0, colon), rule.key);
    } else if (key == "paths") {
      rule.paths = globs_at(node);
    } else if (key == "reason") {
      rule.reason = string_at(node, key);
    } else {
      toml_fail_at(
          file, name.source(),
          fmt::format("unknown key '{}' in [[{}]] (vendor, category, key, paths, reason){}", key,
                      kind, did_you_mean(key, kRuleKeys)));
    }
  }

  PolicyRule rule_at(const toml::node& node, std::string_view kind) const {
    const toml::table* table = node.as_table();
    if (table == nullptr)
      toml_fail_at(file, node.source(), fmt::format("'{}' must be a table", kind));
    PolicyRule rule;
    for (const auto& [key, value] : *table) read_field(rule, kind, key, value);
    if (rule.vendor.empty() && rule.category.empty() && rule.key.empty()) {
      toml_fail_at(file, table->source(),
                   fmt::format("[[{}]] needs a vendor, category or key to select tags", kind));
    }
    return rule;
  }

  std::vector<PolicyRule> rules_at(const toml::node& node, std::string_view kind) const {
    const toml::array* array = node.as_array();
    if (array == nullptr) {
      toml_fail_at(file, node.source(), fmt::format("'{}' must be [[{}]] tables", kind, kind));
    }
    std::vector<PolicyRule> rules;
    for (const toml::node& item : *array) rules.push_back(rule_at(item, kind));
    return rules;
  }

  FailOn fail_on_at(const toml::node& node) const {
    std::string name = string_at(node, "fail_on");
    std::optional<FailOn> fail_on = fail_on_from_name(name);
    if (!fail_on) {
      toml_fail_at(file, node.source(),
                   fmt::format("bad fail_on '{}' (never, policy, new, high or critical){}", name,
                               did_you_mean(name, kFailOnNames)));
    }
    return *fail_on;
  }
};

// A policy that can never say "stop" is refused, or warned about, rather than trusted.
void check_can_act(const Policy& policy, const toml::table& root, const Reader& reader) {
  if (!policy.fail_on && policy.deny.empty() && policy.allow.empty()) {
    throw usage_error(reader.file +
                      ": the policy file sets nothing (no fail_on, no [[deny]] or [[allow]] rule)");
  }
  if (policy.deny.empty() && policy.fail_on == FailOn::kPolicy) {
    toml_fail_at(reader.file, root.get("fail_on")->source(),
                 "fail_on = \"policy\" with no [[deny]] rule can never fail");
  }
  if (policy.deny.empty() && !policy.allow.empty()) {
    reader.warnings.push_back(toml_where(reader.file, root.get("allow")->source()) +
                              ": [[allow]] rules excuse nothing without a [[deny]] rule");
  }
}

}  // namespace

Policy parse_policy(std::string_view text, const std::string& name,
                    const std::vector<std::string>& known_vendors) {
  toml::table root;
  try {
    root = toml::parse(text, std::string_view(name));
  } catch (const toml::parse_error& error) {
    toml_fail_at(name, error.source(), std::string(error.description()));
  }
  Policy policy;
  Reader reader{name, known_vendors, policy.warnings};
  reader.vendors.push_back("unknown");
  for (const auto& [key, node] : root) {
    if (key == "fail_on") {
      policy.fail_on = reader.fail_on_at(node);
    } else if (key == "deny") {
      policy.deny = reader.rules_at(node, "deny");
    } else if (key == "allow") {
      policy.allow = reader.rules_at(node, "allow");
    } else {
      toml_fail_at(name, key.source(),
                   fmt::format("unknown key '{}' (fail_on, [[deny]], [[allow]]){}", key.str(),
                               did_you_mean(key.str(), kTopKeys)));
    }
  }
  check_can_act(policy, root, reader);
  return policy;
}

Policy load_policy(const std::string& path, const std::vector<std::string>& known_vendors) {
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) {
    throw usage_error(path + ": not a policy file (a directory)");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw usage_error(path + ": cannot read the policy file");
  std::ostringstream text;
  text << in.rdbuf();
  return parse_policy(text.str(), path, known_vendors);
}

}  // namespace tagdrift::drift
