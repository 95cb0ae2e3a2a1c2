#include "fleet/site_outcome.h"

#include <algorithm>

#include "util/exit_code.h"

namespace tagdrift::fleet {

SiteOutcome outcome_of(const drift::Report& report) {
  SiteOutcome outcome;
  outcome.site = report.scan.site;
  if (report.scan.id > 0) outcome.scan_id = report.scan.id;
  outcome.complete = report.scan.complete;
  outcome.fail_on = report.fail_on;
  outcome.failing = report.failing;
  for (const drift::Finding& finding : report.findings) {
    ++outcome.by_status[static_cast<std::size_t>(finding.status)];
    ++outcome.by_severity[static_cast<std::size_t>(finding.severity)];
    // Findings come worst first, so the first is the worst.
    if (!outcome.worst) {
      outcome.worst = finding.severity;
      outcome.worst_key = finding.key;
    }
    if (finding.status == drift::Status::kNew || finding.status == drift::Status::kChanged) {
      outcome.drift = true;
    }
  }
  outcome.removed = report.removed.size();
  outcome.drift = outcome.drift || outcome.removed > 0;
  outcome.pages_crawled = report.scan.pages_crawled;
  outcome.pages_failed = report.scan.pages_failed;
  for (const drift::TargetFailure& failure : report.failed_targets) {
    outcome.errors.push_back(failure.target + ": " + failure.reason);
  }
  if (!report.failed_targets.empty()) {
    outcome.exit_code = static_cast<int>(ExitCode::kTargetFailed);
  } else if (report.failed) {
    outcome.exit_code = static_cast<int>(ExitCode::kFindings);
  }
  return outcome;
}

int fleet_exit_code(const std::vector<SiteOutcome>& sites) {
  int worst = static_cast<int>(ExitCode::kOk);
  for (const SiteOutcome& site : sites) worst = std::max(worst, site.exit_code);
  return worst;
}

}  // namespace tagdrift::fleet
