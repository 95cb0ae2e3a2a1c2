// How every report format says which scripts the scan could not analyse in full (too large,
// failed to fetch, not JavaScript, past the script limits, a container that did not decode): tags
// in them went unseen, so a quiet report must not read as a clean one. Beside scan_failure's
// "pages not scanned"; the renderers call these beside their own sections.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <ostream>

#include "drift/report_model.h"
#include "report/text_style.h"

namespace tagdrift::report {

// Text: one warning line under the summary when scripts were not read ("2 scripts not read in
// full: tags in them were not seen").
void render_unread_headline(const drift::Report& report, const Paint& paint, std::ostream& out);
// Text: each unread script with its reason and the pages that load it, and the scripts read again.
void render_unread_text(const drift::Report& report, const Paint& paint, std::ostream& out);

// Markdown: the same, as sections.
void render_unread_markdown(const drift::Report& report, std::ostream& out);

// JUnit: one <testcase> per unread script: <failure> under --fail-on unread, else <skipped>.
struct JunitUnreadCounts {
  std::size_t tests = 0, failures = 0, skipped = 0;
};
JunitUnreadCounts junit_unread_counts(const drift::Report& report);
void render_unread_junit(const drift::Report& report, std::ostream& out);

// SARIF: a toolExecutionNotification per unread script (warning; error under --fail-on unread)
// and per script read again (note).
void add_unread_notifications(const drift::Report& report, nlohmann::json& notifications);

// JSON: the members "unread_scripts" and "read_again" of the report.
nlohmann::json unread_scripts_json(const drift::Report& report);
nlohmann::json read_again_json(const drift::Report& report);

}  // namespace tagdrift::report
