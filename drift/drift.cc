#include "drift/drift.h"

#include <algorithm>
#include <optional>
#include <set>
#include <string>

#include "drift/changes.h"
#include "drift/container_versions.h"
#include "drift/fail_on.h"
#include "drift/findings.h"
#include "drift/page_changes.h"
#include "drift/policy_check.h"
#include "drift/previous_fold.h"
#include "drift/severity.h"
#include "drift/unread_scripts.h"
#include "drift/unverified.h"

namespace tagdrift::drift {
namespace {

std::set<std::string> approved_keys(const std::vector<storage::ApprovalRecord>& approvals,
                                    const std::string& site) {
  std::set<std::string> keys;
  for (const storage::ApprovalRecord& approval : approvals) {
    if (approval.site == site) keys.insert(approval.key);
  }
  return keys;
}

// Status and change lines. An approval covers a tag's presence, so an approved tag that is
// merely back (or first seen by this comparison) stays approved; a change of state is drift.
void classify(Finding& finding, const Previous* previous, bool approved) {
  const PreviousFinding* before = previous ? find_previous(*previous, finding.key) : nullptr;
  if (before == nullptr) {
    finding.status = approved ? Status::kApproved : Status::kNew;
    if (!approved) finding.changes.push_back(new_tag_line(finding, previous));
    return;
  }
  finding.changes = changes_since(finding, *before, *previous);
  if (!finding.changes.empty()) {
    finding.status = Status::kChanged;
  } else {
    finding.status = approved ? Status::kApproved : Status::kKnown;
  }
}

std::vector<RemovedTag> removed_tags(const Previous& previous, const std::vector<Finding>& findings,
                                     const std::vector<UnverifiedTag>& unverified) {
  std::set<std::string> present;
  for (const Finding& finding : findings) present.insert(finding.key);
  for (const UnverifiedTag& tag : unverified) present.insert(tag.key);
  std::vector<RemovedTag> removed;
  for (const PreviousFinding& old : previous.findings) {
    if (!present.count(old.key))
      removed.push_back({old.key, old.signature, old.vendor, old.tag_id});
  }
  return removed;
}

void sort_findings(std::vector<Finding>& findings) {
  std::sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    if (a.severity != b.severity) return a.severity > b.severity;
    return a.key < b.key;
  });
}

}  // namespace

Report build_report(FoldedScan current, std::optional<Previous> previous,
                    const std::vector<storage::ApprovalRecord>& approvals, const Policy* policy,
                    FailOn fail_on) {
  Report report;
  report.scan = std::move(current.scan);
  const std::string& site = report.scan.site;
  report.findings = current.sightings.take_findings(current.pages);
  report.commented = current.sightings.take_commented();
  report.failed_targets = std::move(current.failed_targets);
  const bool ran = report.failed_targets.empty();
  report.unverified =
      unverified_tags(current.carried, previous ? &*previous : nullptr, report.findings, !ran);
  report.unread_scripts = unread_scripts(current.unread, previous ? &*previous : nullptr);
  if (previous && ran) {
    report.read_again = read_again(*previous, report.unread_scripts, current.scripts_read);
  }
  if (previous) {
    previous->site = site;
    report.previous_scan_id = previous->scan_id;
    if (ran) {
      report.removed = removed_tags(*previous, report.findings, report.unverified);
      report.page_changes = page_changes(previous->fetched, current.pages);
    }
  }
  report.pages = std::move(current.pages);
  // Pages complete in whatever order the workers finish; a report lists them by URL, so two
  // scans of the same site render the same bytes.
  std::stable_sort(report.pages.begin(), report.pages.end(),
                   [](const ReportPage& a, const ReportPage& b) { return *a.url < *b.url; });
  report.containers =
      container_versions(current.containers, previous ? &previous->containers : nullptr);
  const std::set<std::string> approved = approved_keys(approvals, site);
  for (Finding& finding : report.findings) {
    classify(finding, previous ? &*previous : nullptr, approved.count(finding.key) > 0);
    assess_severity(finding, site);
    if (policy != nullptr) {
      finding.policy_breaches = policy_breaches(*policy, finding);
      for (const PolicyBreach& breach : finding.policy_breaches) {
        finding.policy_violations.push_back(violation_line(breach, site));
      }
    }
  }
  sort_findings(report.findings);
  apply_fail_on(report, fail_on);
  return report;
}

Report build_report(const storage::ScanContents& current, const storage::ScanContents* previous,
                    const std::vector<storage::ApprovalRecord>& approvals, const Policy* policy,
                    FailOn fail_on) {
  FoldedScan folded{current.scan, {}, SightingFold(), stored_target_failures(current), {}, {},
                    {},           {}};
  folded.containers = current.containers;
  folded.unread = current.unread;
  for (const storage::ScriptRecord& script : current.scripts) {
    if (!script.body_hash.empty()) folded.scripts_read.push_back(script.url);
  }
  folded.pages.reserve(current.pages.size());
  for (const storage::PageRecord& page : current.pages) {
    folded.pages.push_back(folded.sightings.keep_page(page));
  }
  SplitSightings split = split_carried(current);
  for (storage::SightingRecord& sighting : split.seen) folded.sightings.add(std::move(sighting));
  folded.carried = std::move(split.carried);
  std::optional<Previous> before;
  if (previous != nullptr) before = read_previous(*previous);
  return build_report(std::move(folded), std::move(before), approvals, policy, fail_on);
}

}  // namespace tagdrift::drift
