// What a fleet run keeps of each site once its scan is done: enough for the fleet summary, none
// of the site's pages (a site's full report goes to its own file as soon as it is built).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "drift/report_model.h"

namespace tagdrift::fleet {

struct SiteOutcome {
  std::string name, group;
  std::string site;                     // the origin key the history files the site under
  std::optional<std::int64_t> scan_id;  // none without a history, or when the scan never started
  bool complete = false;
  std::string skipped;              // why the site was not scanned; empty when it was
  std::vector<std::string> errors;  // why its scan failed (exit 3): targets, or what ended it
  int exit_code = 0;                // as `scan` would have exited for this site alone
  drift::FailOn fail_on = drift::FailOn::kNever;
  std::vector<std::string> failing;          // the findings that failed the gate, one line each
  std::array<std::size_t, 4> by_status{};    // indexed by drift::Status
  std::array<std::size_t, 5> by_severity{};  // indexed by drift::Severity
  std::optional<drift::Severity> worst;      // of its findings
  std::string worst_key;                     // the finding with that severity, first by key
  std::size_t removed = 0;                   // tags gone since the last scan
  bool drift = false;                        // new or changed findings, or removed tags
  std::int64_t pages_crawled = 0, pages_failed = 0;
  double seconds = 0;
  std::string report_file;  // its full report under --reports, else empty
};

// The counts, worst finding and gate verdict of a site's report.
SiteOutcome outcome_of(const drift::Report& report);

// The fleet's exit code: the worst (highest) of the sites'.
int fleet_exit_code(const std::vector<SiteOutcome>& sites);

}  // namespace tagdrift::fleet
