#include "report/text_report.h"

#include <fmt/format.h>

#include <functional>

#include "drift/page_groups.h"
#include "report/container_label.h"
#include "report/finding_label.h"
#include "report/safe_text.h"
#include "report/scan_failure.h"
#include "report/text_style.h"
#include "report/text_summary.h"
#include "report/unread_report.h"

namespace tagdrift::report {
namespace {

using drift::Finding;
using drift::Status;

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + printable(item);
  return out;
}

bool needs_remediation(const Finding& finding) {
  bool drifted = finding.status == Status::kNew || finding.status == Status::kChanged;
  return drifted && finding.severity >= drift::Severity::kHigh && !finding.remediation.empty();
}

std::string page_line(const drift::FindingPage& page) {
  std::string via = page.via.empty() ? "" : " via " + printable(*page.via);
  return fmt::format("{}  ({}){}", printable(*page.url), join(page.where), via);
}

// Up to max_pages_shown pages; the query variants of a path count as one, listed under it.
void render_finding_pages(const Finding& finding, const RenderOptions& options, const Paint& paint,
                          std::ostream& out) {
  const std::vector<drift::PageGroup> groups = drift::page_groups(finding.pages);
  std::size_t shown = std::min(groups.size(), options.max_pages_shown);
  for (std::size_t i = 0; i < shown; ++i) {
    const drift::PageGroup& group = groups[i];
    const drift::FindingPage& first = *group.variants.front();
    std::string line = *first.url == group.url ? page_line(first) : printable(group.url);
    out << "      " << paint(kDim, line) << '\n';
    for (const drift::FindingPage* page : group.variants) {
      if (*page->url != group.url) out << "        " << paint(kDim, page_line(*page)) << '\n';
    }
  }
  if (groups.size() > shown) {
    out << fmt::format("      ... and {} more pages\n", groups.size() - shown);
  }
}

// Containers named once per finding, however many pages load them; a tag configured in many
// containers is named in the first few.
constexpr std::size_t kContainersShown = 3;

void render_finding_containers(const Finding& finding, std::ostream& out) {
  const auto origins = finding_containers(finding);
  const std::size_t shown = std::min(origins.size(), kContainersShown);
  for (std::size_t i = 0; i < shown; ++i) {
    out << "      container: " << printable(container_text(*origins[i])) << '\n';
  }
  if (origins.size() > shown) {
    out << fmt::format("      ... and {} more containers\n", origins.size() - shown);
  }
}

void render_finding(const Finding& finding, const RenderOptions& options, const Paint& paint,
                    std::ostream& out) {
  std::size_t pages = drift::distinct_pages(finding.pages);
  std::string approved = finding.status == Status::kApproved ? ", approved" : "";
  out << fmt::format("  {}  {} {}  [{}]  {} page{}, {}{}\n", paint.severity(finding.severity),
                     paint(kBold, printable(display_name(finding))), printable(display_id(finding)),
                     printable(finding.category), pages, pages == 1 ? "" : "s",
                     finding.consent_gated ? "consent-gated" : "not consent-gated", approved);
  if (!finding.reason.empty()) out << "      why: " << printable(finding.reason) << '\n';
  render_finding_containers(finding, out);
  for (const auto& change : finding.changes) out << "      changed: " << printable(change) << '\n';
  for (const auto& rule : finding.policy_violations) {
    out << "      " << paint(kRed, "policy: " + printable(rule)) << '\n';
  }
  if (needs_remediation(finding)) out << "      fix: " << printable(finding.remediation) << '\n';
  render_finding_pages(finding, options, paint, out);
}

void render_group(const drift::Report& report, const std::string& title,
                  const std::function<bool(const Finding&)>& belongs, const RenderOptions& options,
                  const Paint& paint, std::ostream& out) {
  std::size_t n = 0;
  for (const auto& finding : report.findings) n += belongs(finding) ? 1 : 0;
  if (n == 0) return;
  out << '\n' << paint(kBold, fmt::format("{} ({})", title, n)) << '\n';
  for (const auto& finding : report.findings) {
    if (belongs(finding)) render_finding(finding, options, paint, out);
  }
}

void render_inventory(const drift::Report& report, const RenderOptions& options, const Paint& paint,
                      std::ostream& out) {
  auto with = [](Status status) {
    return [status](const Finding& finding) { return finding.status == status; };
  };
  render_group(report, "New", with(Status::kNew), options, paint, out);
  render_group(report, "Changed", with(Status::kChanged), options, paint, out);
  auto settled = [](const Finding& finding) {
    return finding.status == Status::kKnown || finding.status == Status::kApproved;
  };
  render_group(report, "Known and approved", settled, options, paint, out);
}

std::string since(const drift::Report& report) {
  return report.previous_scan_id ? fmt::format(" since scan {}", *report.previous_scan_id) : "";
}

void render_gone(const drift::Report& report, const Paint& paint, std::ostream& out) {
  if (!report.removed.empty()) {
    out << '\n'
        << paint(kBold, fmt::format("Removed{} ({})", since(report), report.removed.size()))
        << '\n';
  }
  for (const auto& tag : report.removed) {
    out << fmt::format("  {} {}  ({})\n", printable(tag.vendor),
                       tag.tag_id.empty() ? "-" : printable(tag.tag_id), printable(tag.key));
  }
  if (!report.commented.empty()) {
    out << '\n' << paint(kBold, "Commented out (not active)") << '\n';
  }
  for (const auto& tag : report.commented) {
    out << fmt::format("  {} {}  on {}\n", printable(tag.vendor),
                       tag.tag_id.empty() ? "-" : printable(tag.tag_id), join(tag.pages));
  }
}

void render_pages(const drift::Report& report, const Paint& paint, std::ostream& out) {
  if (!report.page_changes.empty()) {
    out << '\n' << paint(kBold, "Pages changed" + since(report)) << '\n';
  }
  for (const auto& change : report.page_changes) {
    out << fmt::format("  {}  {}\n", printable(change.url), printable(change.change));
  }
  bool problems = false;
  for (const auto& page : report.pages) problems |= !page.error.empty() || !page.skipped.empty();
  if (problems) out << '\n' << paint(kBold, "Pages not scanned") << '\n';
  for (const auto& page : report.pages) {
    if (!page.error.empty()) {
      out << fmt::format("  {}   {}  {}\n", paint(kRed, "failed"), printable(*page.url),
                         printable(*page.error));
    } else if (!page.skipped.empty()) {
      out << fmt::format("  skipped  {}  {}\n", printable(*page.url), printable(*page.skipped));
    }
  }
}

}  // namespace

void render_text(const drift::Report& report, const RenderOptions& options, std::ostream& out) {
  Paint paint(options.color);
  render_failure_text(report, paint, out);
  render_text_summary(report, paint, out);
  render_incomplete_text(report, paint, out);
  render_inventory(report, options, paint, out);
  render_gone(report, paint, out);
  render_unverified_text(report, paint, out);
  render_pages(report, paint, out);
  render_unread_text(report, paint, out);
}

}  // namespace tagdrift::report
