// Reports of scans already in the history: `tagdrift report [SCAN]` re-renders one as it
// compared with its predecessor, `tagdrift diff [A B]` compares any two scans of a site.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "drift/report_model.h"
#include "storage/database.h"

namespace tagdrift::scan {

struct PastReportOptions {
  std::string site;                      // used when no scan id is given; empty = the only site
  std::string policy_file;               // empty: no policy
  std::optional<drift::FailOn> fail_on;  // wins over the policy's
  bool fail_on_unread = false;           // --fail-on unread
  std::function<void(const std::string&)> warn;  // told each policy warning; may be empty
};

// The report of scan `id` (or the site's newest scan) against the last complete scan before it.
drift::Report report_for_scan(const storage::Database& db, std::optional<std::int64_t> id,
                              const PastReportOptions& options);

// Scan `to` compared with scan `from` (both of one site). Without ids: the site's newest
// complete scan against the one before it. Throws a usage error for unknown ids, scans of
// different sites, or a site with fewer than two complete scans.
drift::Report diff_scans(const storage::Database& db, std::optional<std::int64_t> from,
                         std::optional<std::int64_t> to, const PastReportOptions& options);

}  // namespace tagdrift::scan
