#include "report/text_report.h"

#include <fmt/format.h>

namespace tagdrift::report {
namespace {

const char* paint(bool color, const char* code) { return color ? code : ""; }

void render_page_problems(const scan::ScanResult& result, const RenderOptions& options,
                          std::ostream& out) {
  for (const auto& page : result.pages) {
    if (!page.error.empty()) {
      out << fmt::format("  {}failed{}   {}  {}\n", paint(options.color, "\033[31m"),
                         paint(options.color, "\033[0m"), page.url, page.error);
    } else if (!page.skipped.empty()) {
      out << fmt::format("  skipped  {}  {}\n", page.url, page.skipped);
    }
  }
}

}  // namespace

void render_text(const scan::ScanResult& result, const RenderOptions& options, std::ostream& out) {
  const auto& summary = result.summary;
  out << fmt::format("{}tagdrift scan{}: {} pages crawled, {} failed, {} skipped in {:.1f} s\n",
                     paint(options.color, "\033[1m"), paint(options.color, "\033[0m"),
                     summary.pages_fetched, summary.pages_failed, summary.pages_skipped,
                     summary.seconds);
  for (const auto& target : summary.failed_targets) {
    out << fmt::format("  target could not be scanned: {}\n", target);
  }
  if (summary.links_over_budget > 0) {
    out << fmt::format("  {} links not followed (--max-pages / --max-query-variants)\n",
                       summary.links_over_budget);
  }
  render_page_problems(result, options, out);
}

}  // namespace tagdrift::report
