#include "report/sarif_report.h"

#include <map>

#include "report/finding_label.h"
#include "report/json_stream.h"
#include "report/scan_failure.h"
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
  json physical = {{"artifactLocation", {{"uri", *page.url}}}};
  if (page.line > 0) physical["region"] = {{"startLine", page.line}};
  return {{"physicalLocation", physical}};
}

// A result's members but its locations, which can be one per page of the site.
json result_members(const Finding& finding, std::size_t rule_index) {
  std::string text =
      finding.reason.empty() ? display_name(finding) + " " + display_id(finding) : finding.reason;
  return {{"ruleId", rule_id(finding)},
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
}

// One rule per signature in order of first finding, and each finding's rule index.
struct Rules {
  json rules = json::array();
  std::vector<std::size_t> index_of;  // by finding
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
  return out;
}

// The run's members but its results.
json run_members(const drift::Report& report, json rules) {
  json driver = {{"name", "tagdrift"}, {"version", version()}, {"rules", std::move(rules)}};
  return {{"tool", {{"driver", driver}}}, {"invocations", json::array({sarif_invocation(report)})}};
}

}  // namespace

json to_sarif(const drift::Report& report) {
  Rules rules = rules_of(report);
  json results = json::array();
  for (std::size_t i = 0; i < report.findings.size(); ++i) {
    const Finding& finding = report.findings[i];
    json& result = results.emplace_back(result_members(finding, rules.index_of[i]));
    json& locations = result["locations"] = json::array();
    for (const auto& page : finding.pages) locations.push_back(location_json(page));
  }
  json run = run_members(report, std::move(rules.rules));
  run["results"] = std::move(results);
  return {{"$schema", kSarifSchema}, {"version", "2.1.0"}, {"runs", json::array({run})}};
}

void render_sarif(const drift::Report& report, std::ostream& out) {
  // One result location at a time, members in the order to_sarif() sorts them: a result has a
  // location per page its tag is on.
  Rules rules = rules_of(report);
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
        for (const auto& page : finding.pages) stream.value(location_json(page));
        stream.end_array();
      });
    }
    stream.end_array();
  });
  stream.end_array();
  stream.key("version");
  stream.value("2.1.0");
  stream.end_object();
}

}  // namespace tagdrift::report
