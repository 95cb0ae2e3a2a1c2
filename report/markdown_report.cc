#include "report/markdown_report.h"

#include <fmt/format.h>

#include "drift/fail_on.h"
#include "drift/page_groups.h"
#include "report/container_label.h"
#include "report/finding_label.h"
#include "report/markdown_escape.h"
#include "report/scan_failure.h"
#include "report/unread_report.h"

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
  } else if (report.fail_on != drift::FailOn::kNever || report.fail_on_unread) {
    verdict = fmt::format("{} (fail-on {}) \u2014 ", report.failed ? "failed" : "passed",
                          drift::gate_name(report));
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
  std::string versions;
  for (const drift::ContainerVersion* container : changed_containers(report)) {
    versions += (versions.empty() ? "" : ", ") + md(version_change_text(*container));
  }
  if (!versions.empty()) out << "\nContainers: " << versions << ".\n";
}

void render_table(const drift::Report& report, std::ostream& out) {
  if (report.findings.empty()) return;
  out << "\n| Severity | Status | Vendor | ID | Pages |\n|---|---|---|---|---:|\n";
  for (const auto& finding : report.findings) {
    out << fmt::format("| {} | {} | {} | {} | {} |\n", drift::severity_name(finding.severity),
                       drift::status_name(finding.status), md(display_name(finding)),
                       md(display_id(finding)), drift::distinct_pages(finding.pages));
  }
}

void render_list(const char* label, const std::vector<std::string>& items, std::ostream& out) {
  for (const auto& item : items) out << "- " << label << ": " << md(item) << '\n';
}

// Every page of a finding, collapsed: an audit needs them all, a pull request only the count.
// Query variants of a path are listed under it.
void render_finding_pages(const Finding& finding, const std::string& site, std::ostream& out) {
  const std::vector<drift::PageGroup> groups = drift::page_groups(finding.pages);
  if (groups.empty()) return;
  out << fmt::format("\n<details><summary>{} page{}</summary>\n\n", groups.size(),
                     groups.size() == 1 ? "" : "s");
  for (const drift::PageGroup& group : groups) {
    out << "- " << md(site_relative(group.url, site)) << '\n';
    for (const drift::FindingPage* page : group.variants) {
      if (*page->url != group.url) out << "  - " << md(site_relative(*page->url, site)) << '\n';
    }
  }
  out << "\n</details>\n";
}

// Containers named once per finding, however many pages load them.
constexpr std::size_t kContainersShown = 3;

void render_facts(const Finding& finding, std::ostream& out) {
  if (!finding.reason.empty()) out << "- Why: " << md(finding.reason) << '\n';
  const auto origins = finding_containers(finding);
  for (std::size_t i = 0; i < origins.size() && i < kContainersShown; ++i) {
    out << "- Container: " << md(container_text(*origins[i])) << '\n';
  }
  if (origins.size() > kContainersShown) {
    out << fmt::format("- Container: and {} more\n", origins.size() - kContainersShown);
  }
  render_list("Changed", finding.changes, out);
  render_list("Policy", finding.policy_violations, out);
  if (!finding.remediation.empty()) out << "- Fix: " << md(finding.remediation) << '\n';
  out << "- Consent-gated: " << (finding.consent_gated ? "yes" : "no") << '\n';
}

void render_detail(const Finding& finding, const drift::Report& report, std::ostream& out) {
  out << fmt::format("\n#### {} {}: {} {}\n\n", drift::status_name(finding.status),
                     drift::severity_name(finding.severity), md(display_name(finding)),
                     md(display_id(finding)));
  render_facts(finding, out);
  render_finding_pages(finding, report.scan.site, out);
}

void render_details(const drift::Report& report, std::ostream& out) {
  bool any = false;
  for (const auto& finding : report.findings) any |= is_drift(finding);
  if (!any) return;
  out << "\n### New and changed\n";
  for (const auto& finding : report.findings) {
    if (is_drift(finding)) render_detail(finding, report, out);
  }
}

// Known and approved tags in full but collapsed: an audit reads why and what to do about every
// tag, whatever its severity; a pull request comment stays short.
void render_settled(const drift::Report& report, std::ostream& out) {
  std::size_t settled = 0;
  for (const auto& finding : report.findings) settled += is_drift(finding) ? 0 : 1;
  if (settled == 0) return;
  out << fmt::format("\n### Known and approved\n\n<details><summary>{} tag{}</summary>\n", settled,
                     settled == 1 ? "" : "s");
  for (const auto& finding : report.findings) {
    if (is_drift(finding)) continue;
    out << fmt::format("\n**{} {}: {} {}**\n\n", drift::status_name(finding.status),
                       drift::severity_name(finding.severity), md(display_name(finding)),
                       md(display_id(finding)));
    render_facts(finding, out);
    render_finding_pages(finding, report.scan.site, out);
  }
  out << "\n</details>\n";
}

// Commented-out tags with every page they wait on: each is a reinstall waiting to happen.
void render_commented(const drift::Report& report, std::ostream& out) {
  if (!report.commented.empty()) out << "\n### Commented out (not active)\n\n";
  for (const auto& tag : report.commented) {
    out << fmt::format("- {} {} on {} page{}:\n", md(tag.vendor),
                       md(tag.tag_id.empty() ? tag.key : tag.tag_id), tag.pages.size(),
                       tag.pages.size() == 1 ? "" : "s");
    for (const auto& url : tag.pages)
      out << "  - " << md(site_relative(url, report.scan.site)) << '\n';
  }
}

void render_gone(const drift::Report& report, std::ostream& out) {
  if (!report.removed.empty()) out << "\n### Removed\n\n";
  for (const auto& tag : report.removed) {
    out << fmt::format("- {} {}\n", md(tag.vendor), md(tag.tag_id.empty() ? tag.key : tag.tag_id));
  }
  render_commented(report, out);
}

void render_page_changes(const drift::Report& report, std::ostream& out) {
  if (!report.page_changes.empty()) out << "\n### Pages changed\n\n";
  for (const auto& change : report.page_changes) {
    out << fmt::format("- {}: {}\n", md(site_relative(change.url, report.scan.site)),
                       md(change.change));
  }
}

// Pages that failed or were skipped on purpose, with why: what the scan could not vouch for.
void render_not_scanned(const drift::Report& report, std::ostream& out) {
  bool any = false;
  for (const auto& page : report.pages) any |= !page.error.empty() || !page.skipped.empty();
  if (!any) return;
  out << "\n### Pages not scanned\n\n";
  for (const auto& page : report.pages) {
    const std::string url = md(site_relative(*page.url, report.scan.site));
    if (!page.error.empty()) {
      out << fmt::format("- failed: {}: {}\n", url, md(*page.error));
    } else if (!page.skipped.empty()) {
      out << fmt::format("- skipped: {}: {}\n", url, md(*page.skipped));
    }
  }
}

}  // namespace

void render_markdown(const drift::Report& report, const RenderOptions& /*options*/,
                     std::ostream& out) {
  render_heading(report, out);
  render_failure_markdown(report, out);
  render_table(report, out);
  render_details(report, out);
  render_settled(report, out);
  render_gone(report, out);
  render_page_changes(report, out);
  render_not_scanned(report, out);
  render_unread_markdown(report, out);
}

}  // namespace tagdrift::report
