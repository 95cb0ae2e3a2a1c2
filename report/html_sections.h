// The sections of the HTML report, in the order they appear; each writes one <section> with an
// <h2>. Every string from the scan or the history is escaped (html_parts.h: h()).
#pragma once

#include <ostream>

#include "drift/report_model.h"
#include "drift/site_history.h"

namespace tagdrift::report {

// Site, scan time, pages, worst severity, counts by severity and status, a one-sentence verdict.
void render_html_summary(const drift::Report& report, std::ostream& out);

// Every tag in a sortable table: a row each, its reason, fix and pages (with place, line and
// evidence) in a collapsed row beneath; then the tags removed since the last scan.
void render_html_findings(const drift::Report& report, std::ostream& out);

// Findings per scan (chart and table), a timeline per tag, the dated events; or a sentence that
// there is no history when `history` is null.
void render_html_history(const drift::Report& report, const drift::SiteHistory* history,
                         std::ostream& out);

// Pages with health context or personal-data forms, each with the tags on it.
void render_html_pages(const drift::Report& report, std::ostream& out);

// Commented-out tags, policy violations, pages not scanned, tags not verified.
void render_html_set_aside(const drift::Report& report, std::ostream& out);

// The evidence trail: version, signatures fingerprint, the flags of the scan, what it did not
// check.
void render_html_method(const drift::Report& report, std::ostream& out);

}  // namespace tagdrift::report
