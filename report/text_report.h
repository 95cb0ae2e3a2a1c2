// The human-readable report: the summary and gate first, then every tag grouped by drift status,
// then what disappeared, what is commented out, and the pages that could not be read.
#pragma once

#include <ostream>

#include "report/report.h"

namespace tagdrift::report {

void render_text(const drift::Report& report, const RenderOptions& options, std::ostream& out);

}  // namespace tagdrift::report
