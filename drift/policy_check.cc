#include "drift/policy_check.h"

#include <fmt/format.h>

#include <algorithm>

#include "drift/name_list.h"
#include "drift/url_path.h"

namespace tagdrift::drift {
namespace {

bool allowed(const Policy& policy, const Finding& finding, std::string_view path) {
  for (const PolicyRule& rule : policy.allow) {
    if (selects(rule, finding) && covering_glob(rule, path)) return true;
  }
  return false;
}

std::string describe(const PolicyRule& rule, const std::string& glob) {
  std::vector<std::string> selectors;
  for (const std::string* part : {&rule.key, &rule.vendor, &rule.category}) {
    if (!part->empty()) selectors.push_back(*part);
  }
  std::string line = "deny " + joined(selectors, " ");
  if (!glob.empty()) line += " on " + glob;
  return line;
}

// The pages of `finding` that break `rule`, grouped by the glob that covers them.
std::vector<std::pair<std::string, std::vector<std::string>>> broken_pages(const Policy& policy,
                                                                           const PolicyRule& rule,
                                                                           const Finding& finding) {
  std::vector<std::pair<std::string, std::vector<std::string>>> groups;
  for (const FindingPage& page : finding.pages) {
    const std::string path = url_path(*page.url);
    std::optional<std::string> glob = covering_glob(rule, path);
    if (!glob || allowed(policy, finding, path)) continue;
    auto group =
        std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == *glob; });
    if (group == groups.end()) group = groups.insert(groups.end(), {*glob, {}});
    group->second.push_back(*page.url);
  }
  return groups;
}

}  // namespace

bool selects(const PolicyRule& rule, const Finding& finding) {
  return (rule.vendor.empty() || rule.vendor == finding.vendor) &&
         (rule.category.empty() || rule.category == finding.category) &&
         (rule.key.empty() || rule.key == finding.key);
}

std::optional<std::string> covering_glob(const PolicyRule& rule, std::string_view path) {
  if (rule.paths.empty()) return std::string();
  for (const PathGlob& glob : rule.paths) {
    if (glob.matches(path)) return glob.text();
  }
  return std::nullopt;
}

std::vector<std::string> policy_violations(const Policy& policy, const Finding& finding,
                                           std::string_view site) {
  std::vector<std::string> lines;
  for (const PolicyBreach& breach : policy_breaches(policy, finding)) {
    lines.push_back(violation_line(breach, site));
  }
  return lines;
}

std::vector<PolicyBreach> policy_breaches(const Policy& policy, const Finding& finding) {
  std::vector<PolicyBreach> breaches;
  for (const PolicyRule& rule : policy.deny) {
    if (!selects(rule, finding)) continue;
    for (auto& [glob, urls] : broken_pages(policy, rule, finding)) {
      breaches.push_back({describe(rule, glob), rule.reason, std::move(urls)});
    }
  }
  return breaches;
}

std::string violation_line(const PolicyBreach& breach, std::string_view site) {
  std::string line = breach.rule;
  if (!breach.reason.empty()) line += " (" + breach.reason + ")";
  return line + ": " + display_urls(breach.pages, site);
}

}  // namespace tagdrift::drift
