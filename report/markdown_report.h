// The report as a pull-request comment and an audit: a verdict heading, one table of every tag,
// the details of what is new or changed (known and approved ones collapsed), every page of each
// in a collapsed list, the tags removed or commented out (with their pages), and the pages that
// failed or were skipped. Every page is listed, so options.max_pages_shown does not apply.
#pragma once

#include <ostream>

#include "report/report.h"

namespace tagdrift::report {

void render_markdown(const drift::Report& report, const RenderOptions& options, std::ostream& out);

}  // namespace tagdrift::report
