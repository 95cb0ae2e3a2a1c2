// The fleet summary: which sites were scanned, failed or skipped, which drifted, the worst finding
// of each. Text for people, JSON (docs/fleet.schema.json) for programs, JUnit with one test case
// per site for CI.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "fleet/site_outcome.h"

namespace tagdrift::fleet {

enum class SummaryFormat { kText, kJson, kJunit };

// "text", "json" or "junit"; throws Error (exit 2) for anything else.
SummaryFormat parse_summary_format(const std::string& name);

// The counts of the totals line and JSON "totals".
struct FleetTotals {
  std::size_t sites = 0, scanned = 0, failed = 0, skipped = 0, with_drift = 0, failing_gate = 0;
};
FleetTotals totals_of(const std::vector<SiteOutcome>& sites);

void render_summary(const std::vector<SiteOutcome>& sites, SummaryFormat format, std::ostream& out);

void render_summary_text(const std::vector<SiteOutcome>& sites, std::ostream& out);
void render_summary_json(const std::vector<SiteOutcome>& sites, std::ostream& out);
void render_summary_junit(const std::vector<SiteOutcome>& sites, std::ostream& out);

}  // namespace tagdrift::fleet
