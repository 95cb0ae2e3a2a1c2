// The report as a pull-request comment: a verdict heading, one table of every tag, the details
// of what is new or changed, and the tags that were removed or commented out.
#pragma once

#include <ostream>

#include "report/report.h"

namespace tagdrift::report {

void render_markdown(const drift::Report& report, const RenderOptions& options, std::ostream& out);

}  // namespace tagdrift::report
