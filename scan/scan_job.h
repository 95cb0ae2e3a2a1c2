// `tagdrift scan` as one library call: load the policy, open the history, crawl and detect,
// compare with the last complete scan of the site, judge against the gate, notify.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "drift/report_model.h"
#include "drift/site_history.h"
#include "scan/scan.h"

namespace tagdrift::scan {

struct ScanJob {
  ScanOptions scan;
  std::string db_path = "tagdrift.db";
  bool use_db = true;
  std::string policy_file;               // empty: no policy
  std::optional<drift::FailOn> fail_on;  // --fail-on; wins over the policy's
  bool fail_on_unread = false;           // --fail-on unread: an unread script fails the scan
  std::string notify_url;                // empty: no notification
  bool read_history = false;             // fill ScanJobResult::history (the HTML report's)
  // Told each warning that does not stop the scan (a policy glob that can never match), as soon
  // as it is known; may be empty.
  std::function<void(const std::string&)> warn;
};

struct ScanJobResult {
  drift::Report report;
  crawler::CrawlSummary summary;
  std::string notify_error;  // empty when the notification went out or none was asked for
  std::optional<drift::SiteHistory> history;  // with read_history and a database
};

// Throws Error (exit 2) for a bad policy or database before anything is crawled.
ScanJobResult run_scan_job(const ScanJob& job);

}  // namespace tagdrift::scan
