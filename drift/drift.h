// Drift: a scan compared with the last complete scan of the same site, its approvals and its
// policy: every tag classified as new, changed, known or approved, judged for severity, checked
// against the policy, and the whole report judged against the fail-on threshold.
#pragma once

#include <vector>

#include "drift/policy.h"
#include "drift/report_model.h"
#include "storage/records.h"

namespace tagdrift::drift {

// Builds the report of `current`. `previous` is the last complete scan of the same site, or
// null (then every tag is new); approvals of other sites are ignored; `policy` may be null.
// `fail_on` is the threshold in force (see effective_fail_on). An approved tag is drift only
// when it changes state; its severity then counts as for any other tag.
Report build_report(const storage::ScanContents& current, const storage::ScanContents* previous,
                    const std::vector<storage::ApprovalRecord>& approvals, const Policy* policy,
                    FailOn fail_on);

}  // namespace tagdrift::drift
