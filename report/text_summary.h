// The opening lines of the text report: what was scanned, what is new or changed and how bad
// the worst of it is, and the gate's verdict. Enough to act on without reading further.
#pragma once

#include <ostream>

#include "drift/report_model.h"
#include "report/text_style.h"

namespace tagdrift::report {

void render_text_summary(const drift::Report& report, const Paint& paint, std::ostream& out);

}  // namespace tagdrift::report
