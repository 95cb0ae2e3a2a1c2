// The fleet summary for people: one row per site, then the failures and a totals line.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "fleet/fleet_summary.h"

namespace tagdrift::fleet {
namespace {

std::string state_of(const SiteOutcome& site) {
  if (!site.skipped.empty()) return "skipped";
  if (!site.errors.empty()) return "failed";
  if (!site.failing.empty()) return "fails-gate";
  return site.drift ? "drift" : "ok";
}

std::string count(const SiteOutcome& site, drift::Status status) {
  return std::to_string(site.by_status[static_cast<std::size_t>(status)]);
}

}  // namespace

void render_summary_text(const std::vector<SiteOutcome>& sites, std::ostream& out) {
  std::size_t name_width = 4;
  for (const SiteOutcome& site : sites) name_width = std::max(name_width, site.name.size());
  constexpr std::string_view kRow = "{:<{}}  {:<10}  {:>5}  {:>4}  {:>7}  {:>5}  {:<8}  {}\n";
  out << fmt::format(kRow, "SITE", name_width, "STATE", "SCAN", "NEW", "CHANGED", "KNOWN", "WORST",
                     "ORIGIN");
  for (const SiteOutcome& site : sites) {
    out << fmt::format(kRow, site.name, name_width, state_of(site),
                       site.scan_id ? std::to_string(*site.scan_id) : "-",
                       count(site, drift::Status::kNew), count(site, drift::Status::kChanged),
                       count(site, drift::Status::kKnown),
                       site.worst ? drift::severity_name(*site.worst) : "-", site.site);
  }
  bool heading = false;
  for (const SiteOutcome& site : sites) {
    std::vector<std::string> lines = site.errors;
    if (!site.skipped.empty()) lines.push_back("skipped: " + site.skipped);
    for (const std::string& why : site.failing) {
      lines.push_back(fmt::format("--fail-on {}: {}", drift::fail_on_name(site.fail_on), why));
    }
    if (lines.empty()) continue;
    if (!heading) out << "\n";
    heading = true;
    for (const std::string& line : lines) out << fmt::format("{}: {}\n", site.name, line);
  }
  const FleetTotals totals = totals_of(sites);
  out << fmt::format(
      "\n{} site{}: {} scanned, {} failed, {} skipped; {} with drift, {} failing "
      "the gate\n",
      totals.sites, totals.sites == 1 ? "" : "s", totals.scanned, totals.failed, totals.skipped,
      totals.with_drift, totals.failing_gate);
}

}  // namespace tagdrift::fleet
