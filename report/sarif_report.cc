#include "report/sarif_report.h"

#include <map>

#include "report/finding_label.h"
#include "util/version.h"

namespace tagdrift::report {
namespace {

using drift::Finding;
using nlohmann::json;

constexpr const char* kUnknownRule = "unknown-third-party";

std::string rule_id(const Finding& finding) {
  return finding.signature.empty() ? kUnknownRule : finding.signature;
}

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

json rule_json(const std::string& id, const Finding& finding) {
  std::string vendor = id == kUnknownRule ? "Unknown third party" : finding.vendor;
  return {{"id", id},
          {"name", vendor},
          {"shortDescription", {{"text", vendor + " tag"}}},
          {"properties", {{"category", finding.category}}}};
}

json location_json(const drift::FindingPage& page) {
  json physical = {{"artifactLocation", {{"uri", page.url}}}};
  if (page.line > 0) physical["region"] = {{"startLine", page.line}};
  return {{"physicalLocation", physical}};
}

json result_json(const Finding& finding, std::size_t rule_index) {
  json locations = json::array();
  for (const auto& page : finding.pages) locations.push_back(location_json(page));
  std::string text =
      finding.reason.empty() ? display_name(finding) + " " + display_id(finding) : finding.reason;
  return {{"ruleId", rule_id(finding)},
          {"ruleIndex", rule_index},
          {"level", level(finding.severity)},
          {"message", {{"text", text}}},
          {"locations", locations},
          {"partialFingerprints", {{"tagdriftKey/v1", finding.key}}},
          {"properties",
           {{"key", finding.key},
            {"vendor", finding.vendor},
            {"tag_id", finding.tag_id.empty() ? json() : json(finding.tag_id)},
            {"status", drift::status_name(finding.status)},
            {"severity", drift::severity_name(finding.severity)},
            {"consent_gated", finding.consent_gated}}}};
}

}  // namespace

json to_sarif(const drift::Report& report) {
  json rules = json::array(), results = json::array();
  std::map<std::string, std::size_t> rule_indexes;
  for (const auto& finding : report.findings) {
    std::string id = rule_id(finding);
    auto [it, added] = rule_indexes.emplace(id, rules.size());
    if (added) rules.push_back(rule_json(id, finding));
    results.push_back(result_json(finding, it->second));
  }
  json driver = {{"name", "tagdrift"}, {"version", version()}, {"rules", rules}};
  json run = {{"tool", {{"driver", driver}}},
              {"invocations", {{{"executionSuccessful", report.scan.complete}}}},
              {"results", results}};
  return {{"$schema", kSarifSchema}, {"version", "2.1.0"}, {"runs", json::array({run})}};
}

void render_sarif(const drift::Report& report, std::ostream& out) {
  out << to_sarif(report).dump(2, ' ', false, json::error_handler_t::replace) << '\n';
}

}  // namespace tagdrift::report
