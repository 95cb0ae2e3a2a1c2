// How every report format says what the scan could not do: a target it could not scan (the scan
// did not run, and says nothing about the tags), pages that failed, and tags it could not verify
// (carried forward from the last scan). The renderers call these beside their own sections.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "drift/report_model.h"
#include "report/text_style.h"

namespace tagdrift::report {

// A target could not be scanned at all: the command exits 3.
bool scan_did_not_run(const drift::Report& report);

struct FailedPage {
  std::string url;
  int status = 0;
  std::string error;
};

// The pages of the scan that failed (not those skipped on purpose), in the report's order.
std::vector<FailedPage> failed_pages(const drift::Report& report);

// One line: "the scan could not run: 1 target could not be scanned", "the scan is incomplete:
// 2 pages failed", or empty when the scan ran whole.
std::string failure_headline(const drift::Report& report);

// Text: when the scan could not run, a heading with the failed targets, first in the report.
void render_failure_text(const drift::Report& report, const Paint& paint, std::ostream& out);
// Text: when pages failed, how many and which, with their errors (after the summary).
void render_incomplete_text(const drift::Report& report, const Paint& paint, std::ostream& out);
// Text: the tags not verified in this scan, with the pages they were last seen on.
void render_unverified_text(const drift::Report& report, const Paint& paint, std::ostream& out);

// Markdown: failed targets, failed pages and unverified tags, each as a section.
void render_failure_markdown(const drift::Report& report, std::ostream& out);

// JUnit: one <testcase> with an <error> per failed target, and one with <skipped> per failed
// page and per unverified tag. The counts go into the <testsuite> attributes.
struct JunitFailureCounts {
  std::size_t tests = 0, errors = 0, skipped = 0;
};
JunitFailureCounts junit_failure_counts(const drift::Report& report);
void render_failure_junit(const drift::Report& report, std::ostream& out);

// SARIF: runs[0].invocations[0], executionSuccessful false when a target could not be scanned,
// with a toolExecutionNotification per failed target, failed page and unverified tag.
nlohmann::json sarif_invocation(const drift::Report& report);

// JSON: the members "failed_targets", "failed_pages" and "unverified" of the report.
nlohmann::json failed_targets_json(const drift::Report& report);
nlohmann::json failed_pages_json(const drift::Report& report);
nlohmann::json unverified_json(const drift::Report& report);

}  // namespace tagdrift::report
