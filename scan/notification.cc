#include "scan/notification.h"

#include <fmt/core.h>

#include <algorithm>
#include <optional>

#include "report/container_label.h"
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

// Each container line of a finding, as the text report names them.
json containers_json(const drift::Finding& finding) {
  json lines = json::array();
  for (const auto* origin : report::finding_containers(finding)) {
    lines.push_back(report::container_text(*origin));
  }
  return lines;
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
          {"containers", containers_json(finding)},
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

json unread_json(const drift::UnreadScript& script) {
  return {{"url", script.url},
          {"reason", script.reason},
          {"detail", or_null(script.detail)},
          {"pages", script.pages.size()},
          {"new", script.newly}};
}

json container_version_json(const drift::ContainerVersion& container) {
  return {{"id", container.container_id},
          {"url", container.url},
          {"version", container.version},
          {"previous_version", container.previous_version}};
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
  if (!report.unread_scripts.empty()) {
    text += fmt::format("; {} script{} not read in full", report.unread_scripts.size(),
                        report.unread_scripts.size() == 1 ? "" : "s");
  }
  return text;
}

// Containers named under a finding before "and N more", as in the text report.
constexpr std::size_t kContainersShown = 3;

std::string finding_text(const drift::Finding& finding) {
  std::string text = fmt::format("\n\u2022 [{}] {} {}", drift::severity_name(finding.severity),
                                 drift::status_name(finding.status), tag_label(finding));
  if (!finding.reason.empty()) text += ": " + finding.reason;
  for (const auto& change : finding.changes) text += "\n    \u2013 " + change;
  const auto origins = report::finding_containers(finding);
  for (std::size_t i = 0; i < origins.size() && i < kContainersShown; ++i) {
    text += "\n    container: " + report::container_text(*origins[i]);
  }
  if (origins.size() > kContainersShown) {
    text += fmt::format("\n    ... and {} more containers", origins.size() - kContainersShown);
  }
  return text;
}

// "• not read in full: URL (too-large: over the limit of 4194304 bytes), new since the last
// scan; loaded by 2 pages"
std::string unread_text(const drift::UnreadScript& script) {
  std::string why = script.detail.empty() ? script.reason : script.reason + ": " + script.detail;
  return fmt::format("\n\u2022 not read in full: {} ({}){}; loaded by {} page{}", script.url, why,
                     script.newly ? ", new since the last scan" : "", script.pages.size(),
                     script.pages.size() == 1 ? "" : "s");
}

// Scripts not read in full, scripts read again and containers at a new version.
std::string scripts_text(const drift::Report& report) {
  std::string text;
  for (const auto& script : report.unread_scripts) text += unread_text(script);
  for (const auto& url : report.read_again) text += "\n\u2022 read again: " + url;
  for (const auto* container : report::changed_containers(report)) {
    text += "\n\u2022 container " + report::version_change_text(*container);
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
    if (is_drift(finding)) text += finding_text(finding);
  }
  for (const auto& tag : report.removed) {
    text += fmt::format("\n• removed {} ({})", tag_label(tag.key, tag.vendor, tag.tag_id), tag.key);
  }
  for (const auto& tag : report.unverified) {
    text += fmt::format("\n• not verified {} ({}): its pages could not be read",
                        tag_label(tag.key, tag.vendor, tag.tag_id), tag.key);
  }
  return text + scripts_text(report) + html_report_line(report);
}

}  // namespace

bool worth_notifying(const drift::Report& report) {
  if (!report.failed_targets.empty() || !report.unverified.empty()) return true;
  if (std::any_of(report.findings.begin(), report.findings.end(), is_drift)) return true;
  if (!report.removed.empty() || !report.page_changes.empty()) return true;
  // A script unread scan after scan (a bundle always over the limit) was heard about once.
  return std::any_of(report.unread_scripts.begin(), report.unread_scripts.end(),
                     [](const drift::UnreadScript& script) { return script.newly; });
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
  json pages = json::array(), unread = json::array(), versions = json::array();
  for (const auto& change : report.page_changes) {
    pages.push_back({{"url", change.url}, {"change", change.change}});
  }
  for (const auto& script : report.unread_scripts) unread.push_back(unread_json(script));
  for (const auto* container : report::changed_containers(report)) {
    versions.push_back(container_version_json(*container));
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
          {"page_changes", pages},
          {"unread_scripts", unread},
          {"read_again", report.read_again},
          {"container_versions", versions}};
}

}  // namespace tagdrift::scan
