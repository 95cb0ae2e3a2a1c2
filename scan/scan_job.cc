#include "scan/scan_job.h"

#include <memory>

#include "detectors/signature_set.h"
#include "drift/drift.h"
#include "drift/fail_on.h"
#include "drift/policy.h"
#include "drift/previous_fold.h"
#include "scan/notify.h"
#include "storage/approvals.h"
#include "storage/baseline.h"
#include "storage/database.h"
#include "storage/history.h"

namespace tagdrift::scan {
namespace {

// The last complete scan, read a record at a time into what drift compares with.
drift::Previous read_previous(const storage::History& history, std::int64_t scan_id) {
  drift::PreviousFold fold(scan_id);
  history.for_each_record(
      scan_id, [&](storage::PageRecord page) { fold.add_page(page); },
      [&](storage::SightingRecord sighting) { fold.add_sighting(std::move(sighting)); });
  for (const storage::UnreadScriptRecord& script : history.unread_scripts(scan_id)) {
    fold.add_unread(script);
  }
  return fold.finish();
}

}  // namespace

ScanJobResult run_scan_job(const ScanJob& job) {
  std::optional<drift::Policy> policy;
  if (!job.policy_file.empty()) {
    policy =
        drift::load_policy(job.policy_file, detectors::signature_vendors(job.scan.signatures_dir));
    if (job.warn) {
      for (const std::string& warning : policy->warnings) job.warn(warning);
    }
  }
  drift::FailOn fail_on =
      drift::effective_fail_on(job.fail_on, policy ? policy->fail_on : std::nullopt);
  std::optional<storage::Database> db;
  if (job.use_db) db = storage::Database::open(job.db_path, storage::Database::Mode::kReadWrite);

  ScanResult scanned = run_scan(job.scan, db ? &*db : nullptr);
  const storage::ScanRecord& current = scanned.contents.scan;
  std::optional<drift::Previous> previous;
  std::vector<storage::ApprovalRecord> approvals;
  if (db) {
    storage::History history(*db);
    if (auto last = history.last_baseline_scan(current.site, current.id)) {
      const bool read = scanned.previous && scanned.previous->scan_id == last->id;
      previous = read ? std::move(scanned.previous) : read_previous(history, last->id);
      previous->containers = history.containers(last->id);
    }
    approvals = storage::approvals(*db, current.site);
  }
  ScanJobResult result;
  result.summary = scanned.summary;
  result.report = drift::build_report(std::move(scanned.contents), std::move(previous), approvals,
                                      policy ? &*policy : nullptr, fail_on);
  // What failed a --fail-on new gate stays new until someone approves or removes it.
  if (db && result.report.scan.complete && result.report.failed &&
      result.report.fail_on == drift::FailOn::kNew) {
    storage::exclude_from_baseline(*db, result.report.scan.id);
    result.report.scan.baseline = false;
  }
  // After the baseline's verdict: unread scripts do not take a scan out of the baselines
  // (docs/decisions.md).
  if (job.fail_on_unread) drift::apply_fail_on_unread(result.report);
  if (db && job.read_history) result.history = drift::read_site_history(*db, result.report);
  if (!job.notify_url.empty() && worth_notifying(result.report)) {
    result.notify_error = post_json(job.notify_url, notification(result.report));
  }
  return result;
}

}  // namespace tagdrift::scan
