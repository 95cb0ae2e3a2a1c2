// One fleet site as the scan it is: the command line's flags as defaults, its [[site]] table over
// them, and the fleet's history for all.
#pragma once

#include <string>

#include "fleet/sites_file.h"
#include "scan/scan_job.h"

namespace tagdrift::fleet {

// The history every site of a fleet writes to. Each site's scan opens its own connection, so
// sites run on threads of their own; another backend slots in here.
struct HistoryHandle {
  std::string db_path = "tagdrift.db";
  bool use_db = true;
};

// `defaults` (the flags) with what `site` sets put over them, writing to `history`.
scan::ScanJob job_for(const SiteEntry& site, const scan::ScanJob& defaults,
                      const HistoryHandle& history);

// The scan's site key (its origin), as `scan` stores it.
std::string site_key_of(const scan::ScanJob& job);

}  // namespace tagdrift::fleet
