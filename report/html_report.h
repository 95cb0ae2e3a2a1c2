// The report a compliance officer opens: one self-contained HTML file (inline styles, script and
// SVG charts; no request, no font, nothing external) with the summary, the findings, the site's
// history, the pages that matter, what was set aside and how the scan was made. docs/report-html.md
// describes each section.
#pragma once

#include <ostream>

#include "drift/report_model.h"
#include "drift/site_history.h"

namespace tagdrift::report {

// `history` is the site's history up to the report's scan, or null when there is none (--no-db):
// the History section then says so.
void render_html(const drift::Report& report, const drift::SiteHistory* history, std::ostream& out);

// The Content-Security-Policy the report carries: nothing may load, and only the report's own
// style sheet and script (by their SHA-256) may apply or run.
std::string html_content_security_policy();

}  // namespace tagdrift::report
