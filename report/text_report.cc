#include "report/text_report.h"

#include <fmt/format.h>

namespace tagdrift::report {
namespace {

struct Paint {
  bool on;
  const char* operator()(const char* code) const { return on ? code : ""; }
};

constexpr const char* kBold = "\033[1m";
constexpr const char* kRed = "\033[31m";
constexpr const char* kDim = "\033[2m";
constexpr const char* kReset = "\033[0m";

std::string join(const std::vector<std::string>& items) {
  return fmt::format("{}", fmt::join(items, ", "));
}

void render_finding(const scan::Finding& finding, Paint paint, std::ostream& out) {
  std::string name = finding.product.empty() ? finding.vendor : finding.product;
  std::string id = finding.tag_id.empty() ? "(no ID visible)" : finding.tag_id;
  if (finding.vendor == "unknown") id = finding.key.substr(finding.key.find(':') + 1);
  out << fmt::format("  {}{}{} {}  [{}]  on {} page{}{}\n", paint(kBold), name, paint(kReset), id,
                     finding.category, finding.pages.size(), finding.pages.size() == 1 ? "" : "s",
                     finding.consent_gated ? ", consent-gated" : "");
  if (!finding.events.empty()) out << fmt::format("      events: {}\n", join(finding.events));
  if (!finding.enhanced_match.empty()) {
    out << fmt::format("      enhanced match: {}\n", join(finding.enhanced_match));
  }
  constexpr std::size_t kPagesShown = 5;
  for (std::size_t i = 0; i < finding.pages.size() && i < kPagesShown; ++i) {
    const auto& page = finding.pages[i];
    out << fmt::format("      {}{}  ({}{}){}\n", paint(kDim), page.url, join(page.where),
                       page.via.empty() ? "" : " via " + page.via, paint(kReset));
  }
  if (finding.pages.size() > kPagesShown) {
    out << fmt::format("      ... and {} more pages\n", finding.pages.size() - kPagesShown);
  }
}

void render_page_problems(const scan::ScanResult& result, Paint paint, std::ostream& out) {
  for (const auto& entry : result.pages) {
    const auto& page = entry.page;
    if (!page.error.empty()) {
      out << fmt::format("  {}failed{}   {}  {}\n", paint(kRed), paint(kReset), page.url,
                         page.error);
    } else if (!page.skipped.empty()) {
      out << fmt::format("  skipped  {}  {}\n", page.url, page.skipped);
    }
  }
}

}  // namespace

void render_text(const scan::ScanResult& result, const RenderOptions& options, std::ostream& out) {
  Paint paint{options.color};
  const auto& summary = result.summary;
  out << fmt::format(
      "{}tagdrift scan{}: {} pages crawled, {} failed, {} skipped in {:.1f} s; "
      "{} tags\n",
      paint(kBold), paint(kReset), summary.pages_fetched, summary.pages_failed,
      summary.pages_skipped, summary.seconds, result.findings.active.size());
  for (const auto& target : summary.failed_targets) {
    out << fmt::format("  {}target could not be scanned{}: {}\n", paint(kRed), paint(kReset),
                       target);
  }
  if (!result.findings.active.empty()) out << "\nTags\n";
  for (const auto& finding : result.findings.active) render_finding(finding, paint, out);
  if (!result.findings.commented.empty()) out << "\nCommented out (not active)\n";
  for (const auto& tag : result.findings.commented) {
    out << fmt::format("  {} {}  on {}\n", tag.vendor, tag.tag_id.empty() ? "-" : tag.tag_id,
                       join(tag.pages));
  }
  bool problems = summary.pages_failed + summary.pages_skipped > 0;
  if (problems) out << "\nPages not scanned\n";
  render_page_problems(result, paint, out);
  if (summary.links_over_budget > 0) {
    out << fmt::format("\n{} links not followed (--max-pages / --max-query-variants)\n",
                       summary.links_over_budget);
  }
}

}  // namespace tagdrift::report
