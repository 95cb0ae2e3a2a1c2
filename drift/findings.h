// Findings: a stored scan's sightings folded into one entry per tag identity (key), with every
// page it was seen on and what that page is (health context, personal data it collects).
#pragma once

#include <vector>

#include "drift/report_model.h"
#include "storage/history_records.h"

namespace tagdrift::drift {

// One Finding per key of the scan's live (not commented) sightings, sorted by key. Pages are
// sorted by URL; status, severity, reason, remediation and changes are left for drift to set.
std::vector<Finding> collect_findings(const storage::ScanContents& scan);

// One CommentedTag per key of the scan's commented-out sightings, sorted by key, pages by URL.
std::vector<CommentedTag> collect_commented(const storage::ScanContents& scan);

}  // namespace tagdrift::drift
