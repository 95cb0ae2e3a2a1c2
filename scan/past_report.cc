#include "scan/past_report.h"

#include <fmt/format.h>

#include <algorithm>

#include "detectors/signature_set.h"
#include "drift/drift.h"
#include "drift/fail_on.h"
#include "drift/policy.h"
#include "storage/approvals.h"
#include "storage/history.h"
#include "util/error.h"

namespace tagdrift::scan {
namespace {

std::string only_site(const storage::History& history, const std::string& site) {
  if (!site.empty()) return site;
  auto sites = history.sites();
  if (sites.empty()) throw usage_error("the database holds no scans yet");
  if (sites.size() > 1) {
    throw usage_error(fmt::format("the database holds several sites; name one with --site ({})",
                                  fmt::join(sites, ", ")));
  }
  return sites.front();
}

// What a policy judging past scans may name: the built-in vendors, and those the scans hold
// (found with a --signatures directory this command is not given).
std::vector<std::string> known_vendors(const storage::ScanContents& current,
                                       const storage::ScanContents* previous) {
  std::vector<std::string> vendors = detectors::signature_vendors();
  for (const storage::ScanContents* scan : {&current, previous}) {
    if (scan == nullptr) continue;
    for (const storage::SightingRecord& sighting : scan->sightings) {
      vendors.push_back(sighting.vendor);
    }
  }
  std::sort(vendors.begin(), vendors.end());
  vendors.erase(std::unique(vendors.begin(), vendors.end()), vendors.end());
  return vendors;
}

drift::Report build(const storage::Database& db, const storage::ScanContents& current,
                    const storage::ScanContents* previous, const PastReportOptions& options) {
  std::optional<drift::Policy> policy;
  if (!options.policy_file.empty()) {
    policy = drift::load_policy(options.policy_file, known_vendors(current, previous));
    if (options.warn) {
      for (const std::string& warning : policy->warnings) options.warn(warning);
    }
  }
  drift::FailOn fail_on =
      drift::effective_fail_on(options.fail_on, policy ? policy->fail_on : std::nullopt);
  drift::Report report =
      drift::build_report(current, previous, storage::approvals(db, current.scan.site),
                          policy ? &*policy : nullptr, fail_on);
  if (options.fail_on_unread) drift::apply_fail_on_unread(report);
  return report;
}

}  // namespace

drift::Report report_for_scan(const storage::Database& db, std::optional<std::int64_t> id,
                              const PastReportOptions& options) {
  storage::History history(db);
  if (!id) {
    auto latest = history.latest_scan(only_site(history, options.site));
    if (!latest) throw usage_error("the database holds no scans of that site");
    id = latest->id;
  }
  storage::ScanContents current = history.load_scan(*id);
  std::optional<storage::ScanContents> previous;
  if (auto last = history.last_baseline_scan(current.scan.site, *id)) {
    previous = history.load_scan(last->id);
  }
  return build(db, current, previous ? &*previous : nullptr, options);
}

drift::Report diff_scans(const storage::Database& db, std::optional<std::int64_t> from,
                         std::optional<std::int64_t> to, const PastReportOptions& options) {
  storage::History history(db);
  if (!to) {
    std::string site = only_site(history, options.site);
    auto newest = history.last_complete_scan(site);
    auto before = newest ? history.last_complete_scan(site, newest->id) : std::nullopt;
    if (!before) throw usage_error(fmt::format("site {} has fewer than two complete scans", site));
    from = before->id;
    to = newest->id;
  }
  storage::ScanContents older = history.load_scan(*from);
  storage::ScanContents newer = history.load_scan(*to);
  if (older.scan.site != newer.scan.site) {
    throw usage_error(fmt::format("scans {} and {} are of different sites ({}, {})", *from, *to,
                                  older.scan.site, newer.scan.site));
  }
  return build(db, newer, &older, options);
}

}  // namespace tagdrift::scan
