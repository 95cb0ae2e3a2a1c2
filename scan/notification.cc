#include "scan/notification.h"

#include <fmt/core.h>

#include <algorithm>
#include <optional>

#include "util/version.h"

namespace tagdrift::scan {
namespace {

using nlohmann::json;

bool is_drift(const drift::Finding& finding) {
  return finding.status == drift::Status::kNew || finding.status == drift::Status::kChanged;
}

struct DriftCounts {
  int fresh = 0, changed = 0;
};

DriftCounts drift_counts(const drift::Report& report) {
  DriftCounts counts;
  for (const auto& finding : report.findings) {
    counts.fresh += finding.status == drift::Status::kNew ? 1 : 0;
    counts.changed += finding.status == drift::Status::kChanged ? 1 : 0;
  }
  return counts;
}

bool is_unknown(const drift::Finding& finding) { return finding.signature.empty(); }

// An unknown third party's host is its key's part after "unknown:".
std::string host_of(const std::string& key) {
  const std::size_t colon = key.find(':');
  return colon == std::string::npos ? key : key.substr(colon + 1);
}

json or_null(const std::string& text) { return text.empty() ? json() : json(text); }

// "Pinterest Tag 2612345678901", "unknown third party cdn.example.net", "Hotjar (no ID)".
std::string tag_label(const drift::Finding& finding) {
  if (is_unknown(finding)) return "unknown third party " + host_of(finding.key);
  std::string name = finding.product.empty() ? finding.vendor : finding.product;
  return name + " " + (finding.tag_id.empty() ? "(no ID)" : finding.tag_id);
}

std::string tag_label(const std::string& key, const std::string& vendor, const std::string& id) {
  if (key.rfind("unknown:", 0) == 0) return "unknown third party " + host_of(key);
  return vendor + " " + (id.empty() ? "(no ID)" : id);
}

json finding_json(const drift::Finding& finding) {
  return {{"key", finding.key},
          {"vendor", finding.vendor},
          {"product", or_null(finding.product)},
          {"tag_id", or_null(finding.tag_id)},
          {"host", is_unknown(finding) ? json(host_of(finding.key)) : json()},
          {"label", tag_label(finding)},
          {"status", drift::status_name(finding.status)},
          {"severity", drift::severity_name(finding.severity)},
          {"reason", finding.reason},
          {"changes", finding.changes},
          {"pages", finding.pages.size()}};
}

json removed_json(const drift::RemovedTag& tag) {
  return {{"key", tag.key},
          {"vendor", tag.vendor},
          {"tag_id", or_null(tag.tag_id)},
          {"label", tag_label(tag.key, tag.vendor, tag.tag_id)}};
}

json unverified_json(const drift::UnverifiedTag& tag) {
  return {{"key", tag.key},
          {"vendor", tag.vendor},
          {"tag_id", or_null(tag.tag_id)},
          {"label", tag_label(tag.key, tag.vendor, tag.tag_id)},
          {"pages", tag.pages}};
}

std::string failure_text(const drift::Report& report) {
  std::string text =
      fmt::format("tagdrift: SCAN FAILED for {}: the scan could not run", report.scan.site);
  for (const auto& target : report.failed_targets) {
    text += fmt::format("\n• could not scan {}: {}", target.target, target.reason);
  }
  return text;
}

std::string drift_text(const drift::Report& report, const DriftCounts& counts) {
  std::string text = fmt::format(
      "tagdrift: {} \u2014 {} new, {} changed, {} removed, {} not verified", report.scan.site,
      counts.fresh, counts.changed, report.removed.size(), report.unverified.size());
  if (report.scan.pages_failed > 0) {
    text += fmt::format("; {} page{} failed", report.scan.pages_failed,
                        report.scan.pages_failed == 1 ? "" : "s");
  }
  return text;
}

// The message links to nothing (a link in a chat message is a request waiting to be made); it
// says how to make the HTML report of the scan instead. A scan without a history has no id.
std::string html_report_line(const drift::Report& report) {
  if (report.scan.id == 0) {
    return "\nFor the HTML report, scan again with --format html --output report.html";
  }
  return fmt::format("\nFor the HTML report: tagdrift report {} --format html --output report.html",
                     report.scan.id);
}

// The Slack-readable summary: the headline, then one bullet per thing to act on, then how to get
// the HTML report.
std::string message_text(const drift::Report& report, const DriftCounts& counts) {
  std::string text =
      report.failed_targets.empty() ? drift_text(report, counts) : failure_text(report);
  for (const auto& finding : report.findings) {
    if (!is_drift(finding)) continue;
    text += fmt::format("\n• [{}] {} {}", drift::severity_name(finding.severity),
                        drift::status_name(finding.status), tag_label(finding));
    if (!finding.reason.empty()) text += ": " + finding.reason;
    for (const auto& change : finding.changes) text += "\n    \u2013 " + change;
  }
  for (const auto& tag : report.removed) {
    text += fmt::format("\n• removed {} ({})", tag_label(tag.key, tag.vendor, tag.tag_id), tag.key);
  }
  for (const auto& tag : report.unverified) {
    text += fmt::format("\n• not verified {} ({}): its pages could not be read",
                        tag_label(tag.key, tag.vendor, tag.tag_id), tag.key);
  }
  return text + html_report_line(report);
}

}  // namespace

bool worth_notifying(const drift::Report& report) {
  if (!report.failed_targets.empty() || !report.unverified.empty()) return true;
  if (std::any_of(report.findings.begin(), report.findings.end(), is_drift)) return true;
  return !report.removed.empty() || !report.page_changes.empty();
}

json notification(const drift::Report& report) {
  const DriftCounts counts = drift_counts(report);
  json findings = json::array();
  std::optional<drift::Severity> worst;
  for (const auto& finding : report.findings) {
    if (!is_drift(finding)) continue;
    worst = std::max(worst.value_or(finding.severity), finding.severity);
    findings.push_back(finding_json(finding));
  }
  json removed = json::array(), unverified = json::array(), targets = json::array();
  for (const auto& tag : report.removed) removed.push_back(removed_json(tag));
  for (const auto& tag : report.unverified) unverified.push_back(unverified_json(tag));
  for (const auto& target : report.failed_targets) {
    targets.push_back({{"target", target.target}, {"reason", target.reason}});
  }
  json pages = json::array();
  for (const auto& change : report.page_changes) {
    pages.push_back({{"url", change.url}, {"change", change.change}});
  }
  return {{"schema_version", kNotificationSchemaVersion},
          {"text", message_text(report, counts)},
          {"tool", {{"name", "tagdrift"}, {"version", version()}}},
          {"site", report.scan.site},
          {"scan_id", report.scan.id},
          {"scan_failed", !report.failed_targets.empty()},
          {"failed_targets", targets},
          {"pages_failed", report.scan.pages_failed},
          {"new", counts.fresh},
          {"changed", counts.changed},
          {"worst_severity", worst ? json(drift::severity_name(*worst)) : json()},
          {"findings", findings},
          {"removed", removed},
          {"unverified", unverified},
          {"page_changes", pages}};
}

}  // namespace tagdrift::scan
