// Drift: a scan compared with the last complete scan of the same site, its approvals and its
// policy: every tag classified as new, changed, known or approved, judged for severity, checked
// against the policy, and the whole report judged against the fail-on threshold.
#pragma once

#include <optional>
#include <vector>

#include "drift/changes.h"
#include "drift/policy.h"
#include "drift/report_model.h"
#include "drift/sighting_fold.h"
#include "storage/history_records.h"

namespace tagdrift::drift {

// A scan as drift reads it: its header and pages, and its sightings folded as they came, so a
// scan in progress need not keep them.
struct FoldedScan {
  storage::ScanRecord scan;
  std::vector<ReportPage> pages;  // made by sightings.keep_page
  SightingFold sightings;
  // What the scan could not see (unverified.h): targets it could not scan, and the previous
  // scan's sightings it carried forward for pages and scripts that failed.
  std::vector<TargetFailure> failed_targets;
  std::vector<storage::SightingRecord> carried;
  std::vector<storage::ContainerRecord> containers;  // the tag-manager containers it decoded
  // The scripts its pages could not read in full, and the URLs of those it fetched and read.
  std::vector<storage::UnreadScriptRecord> unread;
  std::vector<std::string> scripts_read;
};

// Builds the report of `current`, whose pages move into it. `previous` is the last complete scan
// of the same site (see PreviousFold), or none (then every tag is new); approvals of other sites
// are ignored; `policy` may be null. `fail_on` is the threshold in force (see
// effective_fail_on). A tag the scan could not verify (carried forward, or any previous tag when
// a target could not be scanned) is listed as unverified, never as removed; a scan that could not
// run lists no removed tags nor page changes. An approved tag is drift only when it changes state;
// its severity then counts as for any other tag.
Report build_report(FoldedScan current, std::optional<Previous> previous,
                    const std::vector<storage::ApprovalRecord>& approvals, const Policy* policy,
                    FailOn fail_on);

// The same for scans loaded whole from the history.
Report build_report(const storage::ScanContents& current, const storage::ScanContents* previous,
                    const std::vector<storage::ApprovalRecord>& approvals, const Policy* policy,
                    FailOn fail_on);

}  // namespace tagdrift::drift
