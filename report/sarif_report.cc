#include "report/sarif_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "drift/name_list.h"
#include "drift/page_groups.h"
#include "drift/url_path.h"
#include "report/container_label.h"
#include "report/finding_label.h"
#include "report/json_stream.h"
#include "report/sarif_location.h"
#include "report/scan_failure.h"
#include "report/unread_report.h"
#include "util/version.h"

namespace tagdrift::report {
namespace {

using drift::Finding;
using drift::PolicyBreach;
using nlohmann::json;

constexpr const char* kUnknownRule = "unknown-third-party";

std::string rule_id(const Finding& finding) {
  return finding.signature.empty() ? kUnknownRule : finding.signature;
}

std::string policy_rule_id(const PolicyBreach& breach) { return "policy/" + breach.rule; }

const char* level(drift::Severity severity) {
  switch (severity) {
    case drift::Severity::kCritical:
    case drift::Severity::kHigh:
      return "error";
    case drift::Severity::kMedium:
      return "warning";
    case drift::Severity::kLow:
    case drift::Severity::kInfo:
      return "note";
  }
  return "note";
}

// A signature's rule. Code scanning shows `help` beside every alert: what to do, from the
// remediation of the rule's first (worst) finding.
json rule_json(const std::string& id, const Finding& finding) {
  std::string vendor = id == kUnknownRule ? "Unknown third party" : finding.vendor;
  json rule = {{"id", id},
               {"name", vendor},
               {"shortDescription", {{"text", vendor + " tag"}}},
               {"properties", {{"category", finding.category}}}};
  if (!finding.remediation.empty()) {
    rule["help"] = {{"text", finding.remediation}};
    rule["fullDescription"] = {{"text", finding.remediation}};
  }
  return rule;
}

// A deny rule of the site's policy file.
json policy_rule_json(const PolicyBreach& breach) {
  std::string why = breach.reason.empty() ? "" : " (" + breach.reason + ")";
  std::string help = "The site's policy file says: " + breach.rule + why +
                     ". Remove the tag from the pages the rule covers, or, if it is expected "
                     "there, add an [[allow]] rule for it to the policy file.";
  return {{"id", policy_rule_id(breach)},
          {"name", "Policy rule"},
          {"shortDescription", {{"text", breach.rule}}},
          {"fullDescription", {{"text", breach.rule + why}}},
          {"help", {{"text", help}}},
          {"defaultConfiguration", {{"level", "error"}}},
          {"properties", {{"category", "policy"}}}};
}

// A result's members but its locations, which can be one per page of the site.
// The message names the first container the tag is configured in; properties list them all.
json result_members(const Finding& finding, std::size_t rule_index) {
  std::string text =
      finding.reason.empty() ? display_name(finding) + " " + display_id(finding) : finding.reason;
  std::vector<std::string> containers;
  for (const storage::ContainerOriginRecord* origin : finding_containers(finding)) {
    containers.push_back(container_text(*origin));
  }
  if (!containers.empty()) {
    std::string more =
        containers.size() > 1 ? fmt::format(", and {} more", containers.size() - 1) : "";
    text += " (in " + containers.front() + more + ")";
  }
  json members = {{"ruleId", rule_id(finding)},
                  {"ruleIndex", rule_index},
                  {"level", level(finding.severity)},
                  {"message", {{"text", text}}},
                  {"partialFingerprints", {{"tagdriftKey/v1", finding.key}}},
                  {"properties",
                   {{"key", finding.key},
                    {"vendor", finding.vendor},
                    {"tag_id", finding.tag_id.empty() ? json() : json(finding.tag_id)},
                    {"status", drift::status_name(finding.status)},
                    {"severity", drift::severity_name(finding.severity)},
                    {"consent_gated", finding.consent_gated}}}};
  if (!containers.empty()) members["properties"]["containers"] = containers;
  return members;
}

// One result per policy rule a finding breaks, located on the pages that break it.
json policy_result(const Finding& finding, const PolicyBreach& breach, std::size_t rule_index,
                   const PageFiles& files, const std::string& site) {
  std::string why = breach.reason.empty() ? "" : " (" + breach.reason + ")";
  std::string text = display_name(finding) + " " + display_id(finding) +
                     " breaks the policy rule " + breach.rule + why + " on " +
                     drift::display_urls(breach.pages, site);
  json locations = json::array();
  for (const std::string& url : breach.pages) {
    auto page = std::find_if(finding.pages.begin(), finding.pages.end(),
                             [&](const drift::FindingPage& p) { return *p.url == url; });
    drift::FindingPage bare;
    bare.url = url;
    locations.push_back(files.location(page == finding.pages.end() ? bare : *page));
  }
  return {{"ruleId", policy_rule_id(breach)},
          {"ruleIndex", rule_index},
          {"level", "error"},
          {"message", {{"text", text}}},
          {"locations", std::move(locations)},
          {"partialFingerprints", {{"tagdriftKey/v1", finding.key + " " + breach.rule}}},
          {"properties",
           {{"key", finding.key},
            {"policy_rule", breach.rule},
            {"reason", breach.reason.empty() ? json() : json(breach.reason)},
            {"pages", breach.pages}}}};
}

// The location of one page of a finding, its query variants counted as that page: located at
// the URL without the query (the first variant's line), the variants named in the message.
json group_location(const PageFiles& files, const drift::PageGroup& group) {
  const drift::FindingPage& first = *group.variants.front();
  if (group.variants.size() == 1 && *first.url == group.url) return files.location(first);
  drift::FindingPage page = first;
  page.url = group.url;
  json location = files.location(page);
  std::vector<std::string> variants;
  for (const drift::FindingPage* variant : group.variants) variants.push_back(*variant->url);
  location["message"] = {{"text", "query variants: " + drift::joined(variants)}};
  return location;
}

// One rule per signature in order of first finding, then one per policy rule broken, and each
// finding's (and each breach's) rule index.
struct Rules {
  json rules = json::array();
  std::vector<std::size_t> index_of;                // by finding
  std::map<std::string, std::size_t> policy_index;  // by policy rule id
};

Rules rules_of(const drift::Report& report) {
  Rules out;
  std::map<std::string, std::size_t> indexes;
  for (const auto& finding : report.findings) {
    std::string id = rule_id(finding);
    auto [it, added] = indexes.emplace(id, out.rules.size());
    if (added) out.rules.push_back(rule_json(id, finding));
    out.index_of.push_back(it->second);
  }
  for (const auto& finding : report.findings) {
    for (const PolicyBreach& breach : finding.policy_breaches) {
      auto [it, added] = out.policy_index.emplace(policy_rule_id(breach), out.rules.size());
      if (added) out.rules.push_back(policy_rule_json(breach));
    }
  }
  return out;
}

json policy_results(const drift::Report& report, const Rules& rules, const PageFiles& files) {
  json results = json::array();
  for (const auto& finding : report.findings) {
    for (const PolicyBreach& breach : finding.policy_breaches) {
      results.push_back(policy_result(
          finding, breach, rules.policy_index.at(policy_rule_id(breach)), files, report.scan.site));
    }
  }
  return results;
}

// The run's members but its results.
json run_members(const drift::Report& report, json rules) {
  json driver = {{"name", "tagdrift"}, {"version", version()}, {"rules", std::move(rules)}};
  json invocation = sarif_invocation(report);
  json notifications = invocation.value("toolExecutionNotifications", json::array());
  add_unread_notifications(report, notifications);
  if (!notifications.empty()) invocation["toolExecutionNotifications"] = std::move(notifications);
  return {{"tool", {{"driver", driver}}}, {"invocations", json::array({std::move(invocation)})}};
}

PageFiles page_files(const drift::Report& report) {
  std::error_code error;
  std::filesystem::path here = std::filesystem::current_path(error);
  return PageFiles(report, error ? std::filesystem::path("/") : here);
}

}  // namespace

json to_sarif(const drift::Report& report) {
  Rules rules = rules_of(report);
  const PageFiles files = page_files(report);
  json results = json::array();
  for (std::size_t i = 0; i < report.findings.size(); ++i) {
    const Finding& finding = report.findings[i];
    json& result = results.emplace_back(result_members(finding, rules.index_of[i]));
    json& locations = result["locations"] = json::array();
    for (const auto& group : drift::page_groups(finding.pages)) {
      locations.push_back(group_location(files, group));
    }
  }
  for (json& result : policy_results(report, rules, files)) results.push_back(std::move(result));
  json run = run_members(report, std::move(rules.rules));
  run["results"] = std::move(results);
  return {{"$schema", kSarifSchema}, {"version", "2.1.0"}, {"runs", json::array({run})}};
}

void render_sarif(const drift::Report& report, std::ostream& out) {
  // One result location at a time, members in the order to_sarif() sorts them: a result has a
  // location per page its tag is on.
  Rules rules = rules_of(report);
  const PageFiles files = page_files(report);
  json breaches = policy_results(report, rules, files);
  JsonStream stream(out);
  stream.begin_object();
  stream.key("$schema");
  stream.value(kSarifSchema);
  stream.key("runs");
  stream.begin_array();
  stream.object_with(run_members(report, std::move(rules.rules)), "results", [&] {
    stream.begin_array();
    for (std::size_t i = 0; i < report.findings.size(); ++i) {
      const Finding& finding = report.findings[i];
      stream.object_with(result_members(finding, rules.index_of[i]), "locations", [&] {
        stream.begin_array();
        for (const auto& group : drift::page_groups(finding.pages)) {
          stream.value(group_location(files, group));
        }
        stream.end_array();
      });
    }
    for (const json& result : breaches) stream.value(result);
    stream.end_array();
  });
  stream.end_array();
  stream.key("version");
  stream.value("2.1.0");
  stream.end_object();
}

}  // namespace tagdrift::report
