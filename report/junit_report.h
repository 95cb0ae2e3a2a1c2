// The report as JUnit XML for CI dashboards: one test case per finding, failed exactly when drift
// counts that finding against --fail-on, so the dashboard agrees with the exit code.
#pragma once

#include <ostream>

#include "drift/report_model.h"

namespace tagdrift::report {

void render_junit(const drift::Report& report, std::ostream& out);

}  // namespace tagdrift::report
