#include "report/text_summary.h"

#include <fmt/format.h>

#include "drift/fail_on.h"
#include "drift/page_groups.h"
#include "drift/severity.h"
#include "report/container_label.h"
#include "report/finding_label.h"
#include "report/safe_text.h"
#include "report/scan_failure.h"
#include "report/unread_report.h"

namespace tagdrift::report {
namespace {

using drift::Finding;
using drift::Status;

bool is_drift(const Finding& finding) {
  return finding.status == Status::kNew || finding.status == Status::kChanged;
}

std::size_t count(const drift::Report& report, Status status) {
  std::size_t n = 0;
  for (const auto& finding : report.findings) n += finding.status == status ? 1 : 0;
  return n;
}

const Finding* worst_drift(const drift::Report& report) {
  const Finding* worst = nullptr;
  for (const auto& finding : report.findings) {
    if (is_drift(finding) && (!worst || finding.severity > worst->severity)) worst = &finding;
  }
  return worst;
}

void render_header(const drift::Report& report, const Paint& paint, std::ostream& out) {
  const auto& scan = report.scan;
  std::string compared = report.previous_scan_id
                             ? fmt::format("compared with scan {}", *report.previous_scan_id)
                             : std::string("first scan of this site");
  out << fmt::format("{} {} of {} ({}): {} pages crawled, {} failed, {} skipped{}\n",
                     paint(kBold, "tagdrift scan"), scan.id, printable(scan.site), compared,
                     scan.pages_crawled, scan.pages_failed, scan.pages_skipped,
                     scan.complete ? "" : paint(kRed, "; incomplete"));
}

// The page that decided the finding's severity (the one its reason names), not merely the first.
std::string where(const Finding& finding, const std::string& site) {
  const drift::PageVerdict decided = drift::judge_finding(finding);
  if (decided.page == nullptr) return "";
  std::string text = " on " + printable(site_relative(decided.page->url, site));
  const std::size_t pages = drift::distinct_pages(finding.pages);  // query variants count once
  if (pages > 1) text += fmt::format(" (+{} more pages)", pages - 1);
  return text;
}

void render_drift_line(const drift::Report& report, const Paint& paint, std::ostream& out) {
  if (scan_did_not_run(report)) return;  // the failure heading says why nothing is known
  std::string removed =
      report.removed.empty() ? "" : fmt::format(", {} removed", report.removed.size());
  const Finding* worst = worst_drift(report);
  if (!worst) {
    out << fmt::format("nothing new or changed{}; {} known, {} approved\n", removed,
                       count(report, Status::kKnown), count(report, Status::kApproved));
    return;
  }
  out << fmt::format("{} new, {} changed{}; worst: {} \u2014 {} {}{}\n",
                     count(report, Status::kNew), count(report, Status::kChanged), removed,
                     paint.severity_word(worst->severity), printable(display_name(*worst)),
                     printable(display_id(*worst)), where(*worst, report.scan.site));
}

// A container published at a new version since the last scan: noted, never a finding by itself.
void render_container_versions(const drift::Report& report, std::ostream& out) {
  std::string line;
  for (const drift::ContainerVersion* container : changed_containers(report)) {
    line += (line.empty() ? "" : ", ") + printable(version_change_text(*container));
  }
  if (!line.empty()) out << "containers: " << line << '\n';
}

void render_gate(const drift::Report& report, const Paint& paint, std::ostream& out) {
  if (report.fail_on == drift::FailOn::kNever && !report.fail_on_unread) return;
  std::string verdict = report.failed ? paint(kRed, "FAILED") : paint(kGreen, "passed");
  if (scan_did_not_run(report)) verdict = paint(kRed, "FAILED (the scan could not run)");
  out << fmt::format("gate (--fail-on {}): {}\n", drift::gate_name(report), verdict);
  for (const auto& line : report.failing) out << "  - " << printable(line) << '\n';
}

}  // namespace

void render_text_summary(const drift::Report& report, const Paint& paint, std::ostream& out) {
  render_header(report, paint, out);
  render_drift_line(report, paint, out);
  render_unread_headline(report, paint, out);
  render_gate(report, paint, out);
  render_container_versions(report, out);
}

}  // namespace tagdrift::report
