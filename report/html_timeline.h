// A tag's life across the site's scans as one row of marks: a filled square for each scan it was
// live in, an empty one where a complete scan did not find it, a dashed one where an incomplete
// scan could not tell, and a ring where it came back after a removal. Words say the same beside it.
#pragma once

#include <string>
#include <vector>

#include "drift/site_history.h"

namespace tagdrift::report {

// The inline <svg> of `tag`'s cells; `scans` are the history's scans, one per cell.
std::string timeline_svg(const drift::TagTimeline& tag, const std::vector<drift::ScanPoint>& scans);

}  // namespace tagdrift::report
