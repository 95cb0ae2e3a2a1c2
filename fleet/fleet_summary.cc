#include "fleet/fleet_summary.h"

#include "util/error.h"

namespace tagdrift::fleet {

SummaryFormat parse_summary_format(const std::string& name) {
  if (name == "text") return SummaryFormat::kText;
  if (name == "json") return SummaryFormat::kJson;
  if (name == "junit") return SummaryFormat::kJunit;
  throw usage_error("unknown fleet --format '" + name +
                    "' (text, json or junit; each site's report can be any format: "
                    "--reports DIR --report-format FORMAT)");
}

FleetTotals totals_of(const std::vector<SiteOutcome>& sites) {
  FleetTotals totals;
  totals.sites = sites.size();
  for (const SiteOutcome& site : sites) {
    if (!site.skipped.empty()) {
      ++totals.skipped;
    } else if (!site.errors.empty()) {
      ++totals.failed;
    } else {
      ++totals.scanned;
    }
    if (site.drift) ++totals.with_drift;
    if (site.skipped.empty() && site.errors.empty() && !site.failing.empty()) {
      ++totals.failing_gate;
    }
  }
  return totals;
}

void render_summary(const std::vector<SiteOutcome>& sites, SummaryFormat format,
                    std::ostream& out) {
  switch (format) {
    case SummaryFormat::kText:
      return render_summary_text(sites, out);
    case SummaryFormat::kJson:
      return render_summary_json(sites, out);
    case SummaryFormat::kJunit:
      return render_summary_junit(sites, out);
  }
}

}  // namespace tagdrift::fleet
