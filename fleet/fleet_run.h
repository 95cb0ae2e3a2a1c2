// `tagdrift fleet`: many sites in one run. Each site's scan, drift, gate and notification is what
// `scan` does for it alone (scan::run_scan_job); the fleet runs several at once on threads of
// their own under one transfer budget, and keeps of each only its outcome.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "fleet/site_job.h"
#include "fleet/site_outcome.h"
#include "fleet/sites_file.h"
#include "report/report.h"
#include "scan/scan_job.h"

namespace tagdrift::fleet {

struct FleetOptions {
  scan::ScanJob defaults;  // the command line's flags; a site's table overrides them
  HistoryHandle history;
  int sites_concurrency = 4;        // sites scanned at once
  std::size_t transfer_budget = 0;  // transfers in flight across all sites; 0: 2 x concurrency
  std::string reports_dir;          // --reports: each site's full report; empty: none
  report::Format report_format = report::Format::kText;
  // Told as they happen, one line each, from any thread; either may be empty. Progress is a
  // line per site as it ends; warnings are what does not stop a site's scan.
  std::function<void(const std::string&)> progress;
  std::function<void(const std::string&)> warn;
};

// A site ready to scan: its table, its scan job, its site key and report file.
struct FleetSite {
  SiteEntry entry;
  scan::ScanJob job;
  std::string key;
  std::string report_file;  // empty without --reports
};

// Everything `run_fleet` would refuse, checked before anything is scanned or written: each
// site's crawl options, policy file and notify URL, two sites sharing one site key (their
// histories would mix), the history and the --reports folder. Throws Error (exit 2).
std::vector<FleetSite> plan_fleet(const std::vector<SiteEntry>& entries,
                                  const FleetOptions& options);

// Scans every site; outcomes in the order of `sites`. A site that fails (a target down, an error
// that ends its scan) is an outcome with exit code 3; the others go on.
std::vector<SiteOutcome> run_fleet(const std::vector<FleetSite>& sites,
                                   const FleetOptions& options);

}  // namespace tagdrift::fleet
