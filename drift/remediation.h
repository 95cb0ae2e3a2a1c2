// Remediation: one concrete, vendor-aware line on what to do about a finding, from its vendor
// family and the rule that decided its severity.
#pragma once

#include <string>

#include "drift/report_model.h"
#include "drift/severity.h"

namespace tagdrift::drift {

// What to do about `finding`, whose severity `decided` set (see judge_finding).
std::string remediation_for(const Finding& finding, const PageVerdict& decided);

}  // namespace tagdrift::drift
