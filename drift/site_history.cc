#include "drift/site_history.h"

#include "drift/severity.h"
#include "drift/sighting_fold.h"
#include "drift/tag_timeline.h"
#include "storage/history.h"
#include "storage/tag_presence.h"

namespace tagdrift::drift {
namespace {

void count(const std::vector<Finding>& findings, ScanPoint& point) {
  for (const Finding& finding : findings) {
    ++point.findings[static_cast<std::size_t>(finding.severity)];
  }
}

// A past scan's findings folded from its records, judged as its own report judged them: the
// severity of a finding depends on its pages only, never on the scan before.
void count_stored(const storage::History& history, ScanPoint& point) {
  SightingFold fold;
  std::vector<ReportPage> pages;
  history.for_each_record(
      point.id, [&](storage::PageRecord page) { pages.push_back(fold.keep_page(page)); },
      [&](storage::SightingRecord sighting) { fold.add(std::move(sighting)); });
  for (const Finding& finding : fold.take_findings(pages)) {
    ++point.findings[static_cast<std::size_t>(judge_finding(finding).severity)];
  }
}

}  // namespace

SiteHistory read_site_history(const storage::Database& db, const Report& report) {
  storage::History history(db);
  SiteHistory site;
  for (const storage::ScanRecord& scan : history.list_scans(report.scan.site)) {
    if (scan.id > report.scan.id) break;
    ScanPoint& point = site.scans.emplace_back();
    point.id = scan.id;
    point.started_at = scan.started_at;
    point.complete = scan.complete;
    if (scan.id == report.scan.id) {
      count(report.findings, point);
    } else {
      count_stored(history, point);
    }
  }
  site.tags =
      tag_timelines(site.scans, storage::tag_presence(db, report.scan.site, report.scan.id));
  site.events = history_events(site.scans, site.tags);
  return site;
}

}  // namespace tagdrift::drift
