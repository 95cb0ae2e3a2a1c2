// What a scan could not see: a page that failed for a reason other than its removal, a script
// that failed to fetch, a target that could not be scanned. The tags the previous scan saw there
// are carried forward as "not verified" instead of being reported as removed.
#pragma once

#include <string>
#include <vector>

#include "drift/changes.h"
#include "drift/report_model.h"
#include "storage/history_records.h"

namespace tagdrift::drift {

// True when a page's outcome says nothing about its tags: it failed or was skipped, and the
// server did not say it is gone (404, 410), which is a real removal.
bool carries_forward(const storage::PageRecord& page);
bool carries_forward(const ReportPage& page);

// True when a script the detectors followed failed for a reason other than 404 or 410.
bool script_carries_forward(const std::string& error);

// A stored scan's sightings split into those it saw and those it carried forward: the latter are
// on pages that carry forward, or came through a script that carries forward in that scan.
struct SplitSightings {
  std::vector<storage::SightingRecord> seen, carried;
};
SplitSightings split_carried(const storage::ScanContents& scan);

// The targets a stored scan could not scan, as far as the history tells: none for a complete
// scan; else its seed pages that failed, or its target when none did ("did not finish").
std::vector<TargetFailure> stored_target_failures(const storage::ScanContents& scan);

// The tags not verified by this scan, sorted by key: the carried sightings by key, and, when the
// scan could not run (`nothing_verified`), every tag of `previous` that `findings` lacks.
std::vector<UnverifiedTag> unverified_tags(const std::vector<storage::SightingRecord>& carried,
                                           const Previous* previous,
                                           const std::vector<Finding>& findings,
                                           bool nothing_verified);

}  // namespace tagdrift::drift
