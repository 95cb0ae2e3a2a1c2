#include "report/markdown_report.h"

#include <fmt/format.h>

#include "report/finding_label.h"
#include "report/markdown_escape.h"
#include "report/scan_failure.h"

namespace tagdrift::report {
namespace {

using drift::Finding;
using drift::Status;

std::string md(std::string_view text) { return markdown_escape(text); }

bool is_drift(const Finding& finding) {
  return finding.status == Status::kNew || finding.status == Status::kChanged;
}

std::string drift_counts(const drift::Report& report) {
  std::size_t added = 0, changed = 0;
  for (const auto& finding : report.findings) {
    added += finding.status == Status::kNew ? 1 : 0;
    changed += finding.status == Status::kChanged ? 1 : 0;
  }
  if (added + changed == 0) return "no new or changed tags";
  return fmt::format("{} new, {} changed", added, changed);
}

void render_heading(const drift::Report& report, std::ostream& out) {
  std::string verdict;
  if (scan_did_not_run(report)) {
    out << fmt::format("## tagdrift: scan failed \u2014 {}\n\n", md(failure_headline(report)));
  } else if (report.fail_on != drift::FailOn::kNever) {
    verdict = fmt::format("{} (fail-on {}) \u2014 ", report.failed ? "failed" : "passed",
                          drift::fail_on_name(report.fail_on));
  }
  if (!scan_did_not_run(report)) {
    out << fmt::format("## tagdrift: {}{}\n\n", verdict, drift_counts(report));
  }
  const auto& scan = report.scan;
  std::string compared = report.previous_scan_id
                             ? fmt::format("compared with scan {}", *report.previous_scan_id)
                             : std::string("first scan of this site");
  out << fmt::format("Scan {} of {} ({}): {} pages crawled, {} failed, {} skipped{}.\n", scan.id,
                     md(scan.site), compared, scan.pages_crawled, scan.pages_failed,
                     scan.pages_skipped, scan.complete ? "" : ", **incomplete**");
  if (report.failed) {
    out << '\n';
    for (const auto& line : report.failing) out << "- " << md(line) << '\n';
  }
}

void render_table(const drift::Report& report, std::ostream& out) {
  if (report.findings.empty()) return;
  out << "\n| Severity | Status | Vendor | ID | Pages |\n|---|---|---|---|---:|\n";
  for (const auto& finding : report.findings) {
    out << fmt::format("| {} | {} | {} | {} | {} |\n", drift::severity_name(finding.severity),
                       drift::status_name(finding.status), md(display_name(finding)),
                       md(display_id(finding)), finding.pages.size());
  }
}

void render_list(const char* label, const std::vector<std::string>& items, std::ostream& out) {
  for (const auto& item : items) out << "- " << label << ": " << md(item) << '\n';
}

void render_detail(const Finding& finding, const drift::Report& report,
                   const RenderOptions& options, std::ostream& out) {
  out << fmt::format("\n#### {} {}: {} {}\n\n", drift::status_name(finding.status),
                     drift::severity_name(finding.severity), md(display_name(finding)),
                     md(display_id(finding)));
  if (!finding.reason.empty()) out << "- Why: " << md(finding.reason) << '\n';
  render_list("Changed", finding.changes, out);
  render_list("Policy", finding.policy_violations, out);
  if (!finding.remediation.empty()) out << "- Fix: " << md(finding.remediation) << '\n';
  out << "- Consent-gated: " << (finding.consent_gated ? "yes" : "no") << '\n';
  std::size_t shown = std::min(finding.pages.size(), options.max_pages_shown);
  for (std::size_t i = 0; i < shown; ++i) {
    out << "- Page: " << md(site_relative(finding.pages[i].url, report.scan.site)) << '\n';
  }
  if (finding.pages.size() > shown) {
    out << fmt::format("- and {} more pages\n", finding.pages.size() - shown);
  }
}

void render_details(const drift::Report& report, const RenderOptions& options, std::ostream& out) {
  bool any = false;
  for (const auto& finding : report.findings) any |= is_drift(finding);
  if (!any) return;
  out << "\n### New and changed\n";
  for (const auto& finding : report.findings) {
    if (is_drift(finding)) render_detail(finding, report, options, out);
  }
}

void render_gone(const drift::Report& report, std::ostream& out) {
  if (!report.removed.empty()) out << "\n### Removed\n\n";
  for (const auto& tag : report.removed) {
    out << fmt::format("- {} {}\n", md(tag.vendor), md(tag.tag_id.empty() ? tag.key : tag.tag_id));
  }
  if (!report.commented.empty()) out << "\n### Commented out (not active)\n\n";
  for (const auto& tag : report.commented) {
    out << fmt::format("- {} {} on {} page{}\n", md(tag.vendor),
                       md(tag.tag_id.empty() ? tag.key : tag.tag_id), tag.pages.size(),
                       tag.pages.size() == 1 ? "" : "s");
  }
}

void render_page_changes(const drift::Report& report, std::ostream& out) {
  if (!report.page_changes.empty()) out << "\n### Pages changed\n\n";
  for (const auto& change : report.page_changes) {
    out << fmt::format("- {}: {}\n", md(site_relative(change.url, report.scan.site)),
                       md(change.change));
  }
}

}  // namespace

void render_markdown(const drift::Report& report, const RenderOptions& options, std::ostream& out) {
  render_heading(report, out);
  render_failure_markdown(report, out);
  render_table(report, out);
  render_details(report, options, out);
  render_gone(report, out);
  render_page_changes(report, out);
}

}  // namespace tagdrift::report
