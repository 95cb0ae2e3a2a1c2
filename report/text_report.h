// The human-readable report: a short summary first, then the details.
#pragma once

#include <ostream>

#include "report/report.h"

namespace tagdrift::report {

void render_text(const scan::ScanResult& result, const RenderOptions& options, std::ostream& out);

}  // namespace tagdrift::report
