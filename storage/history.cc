#include "storage/history.h"

#include <fmt/format.h>

#include "storage/record_rows.h"
#include "storage/statement.h"
#include "storage/transaction.h"
#include "util/error.h"

namespace tagdrift::storage {

namespace {

constexpr std::string_view kScanColumns = R"sql(
SELECT scans.id, sites.site, scans.target, scans.options_json, scans.started_at,
       scans.finished_at, scans.complete, scans.pages_crawled, scans.pages_failed,
       scans.pages_skipped, scans.detection, scans.baseline
FROM scans JOIN sites ON sites.id = scans.site_id
)sql";

ScanRecord read_scan(const Statement& row) {
  ScanRecord scan;
  scan.id = row.int_at(0);
  scan.site = row.text_at(1);
  scan.target = row.text_at(2);
  scan.options_json = row.text_at(3);
  scan.started_at = row.text_at(4);
  scan.finished_at = row.text_at(5);
  scan.complete = row.bool_at(6);
  scan.pages_crawled = row.int_at(7);
  scan.pages_failed = row.int_at(8);
  scan.pages_skipped = row.int_at(9);
  scan.detection = row.text_at(10);
  scan.baseline = row.bool_at(11);
  return scan;
}

std::vector<ScanRecord> read_scans(Statement& query) {
  std::vector<ScanRecord> scans;
  while (query.step()) scans.push_back(read_scan(query));
  return scans;
}

void read_pages(const Database& db, std::int64_t scan_id,
                const std::function<void(PageRecord)>& take) {
  Statement query(db.handle(),
                  fmt::format("SELECT {} FROM pages WHERE scan_id = ?1 ORDER BY id", kPageColumns));
  query.bind_int(1, scan_id);
  while (query.step()) take(read_page_row(query, 0, db));
}

// In the order written: a page's sightings follow it, so (page_id, id) is that order, and it is
// the order of the sightings_by_scan index (ordering by id alone sorted every row in a temp tree).
void read_sightings(const Database& db, std::int64_t scan_id,
                    const std::function<void(SightingRecord)>& take) {
  Statement query(db.handle(), fmt::format(R"sql(
SELECT {} FROM sightings JOIN tags ON tags.id = sightings.tag_ref
WHERE sightings.scan_id = ?1 ORDER BY sightings.page_id, sightings.id)sql",
                                           kSightingColumns));
  query.bind_int(1, scan_id);
  while (query.step()) take(read_sighting_row(query, 0, db));
}

}  // namespace

std::vector<ScanRecord> History::list_scans(const std::string& site) const {
  Statement query(db_.handle(), fmt::format("{} WHERE ?1 = '' OR sites.site = ?1 ORDER BY scans.id",
                                            kScanColumns));
  query.bind_text(1, site);
  return read_scans(query);
}

ScanContents History::load_scan(std::int64_t id) const {
  // One snapshot, so a writer committing meanwhile cannot split the scan.
  Transaction snapshot(db_.handle(), Transaction::Kind::kRead);
  Statement query(db_.handle(), fmt::format("{} WHERE scans.id = ?1", kScanColumns));
  query.bind_int(1, id);
  if (!query.step()) throw usage_error(fmt::format("no scan with id {}", id));
  ScanContents contents;
  contents.scan = read_scan(query);
  read_pages(db_, id, [&](PageRecord page) { contents.pages.push_back(std::move(page)); });
  read_sightings(
      db_, id, [&](SightingRecord sighting) { contents.sightings.push_back(std::move(sighting)); });
  contents.scripts = read_scripts(db_, id);
  contents.containers = read_containers(db_, id);
  contents.unread = read_unread_scripts(db_, id);
  return contents;
}

void History::for_each_record(std::int64_t id, const std::function<void(PageRecord)>& page,
                              const std::function<void(SightingRecord)>& sighting) const {
  Transaction snapshot(db_.handle(), Transaction::Kind::kRead);
  read_pages(db_, id, page);
  read_sightings(db_, id, sighting);
}

std::vector<ContainerRecord> History::containers(std::int64_t id) const {
  return read_containers(db_, id);
}

std::vector<UnreadScriptRecord> History::unread_scripts(std::int64_t id) const {
  return read_unread_scripts(db_, id);
}

std::optional<ScanRecord> History::last_complete_scan(const std::string& site,
                                                      std::int64_t before_id) const {
  Statement query(db_.handle(), fmt::format("{} WHERE sites.site = ?1 AND scans.complete = 1 "
                                            "AND scans.id < ?2 ORDER BY scans.id DESC LIMIT 1",
                                            kScanColumns));
  query.bind_text(1, site).bind_int(2, before_id);
  if (!query.step()) return std::nullopt;
  return read_scan(query);
}

std::optional<ScanRecord> History::last_baseline_scan(const std::string& site,
                                                      std::int64_t before_id) const {
  Statement query(db_.handle(), fmt::format("{} WHERE sites.site = ?1 AND scans.complete = 1 "
                                            "AND scans.baseline = 1 AND scans.id < ?2 "
                                            "ORDER BY scans.id DESC LIMIT 1",
                                            kScanColumns));
  query.bind_text(1, site).bind_int(2, before_id);
  if (!query.step()) return std::nullopt;
  return read_scan(query);
}

std::optional<ScanRecord> History::latest_scan(const std::string& site) const {
  Statement query(db_.handle(), fmt::format("{} WHERE ?1 = '' OR sites.site = ?1 "
                                            "ORDER BY scans.id DESC LIMIT 1",
                                            kScanColumns));
  query.bind_text(1, site);
  if (!query.step()) return std::nullopt;
  return read_scan(query);
}

std::vector<TagRecord> History::tags(const std::string& site) const {
  Statement query(db_.handle(), R"sql(
SELECT sites.site, tags.key, tags.signature_id, tags.vendor, tags.product, tags.category,
       tags.tag_id, tags.first_seen, tags.last_seen, tags.first_scan, tags.last_scan,
       (SELECT count(DISTINCT page_id) FROM sightings
        WHERE sightings.tag_ref = tags.id AND sightings.scan_id = tags.last_scan
          AND NOT sightings.commented),
       approvals.key IS NOT NULL, coalesce(approvals.note, ''),
       (SELECT count(DISTINCT page_id) FROM sightings
        WHERE sightings.tag_ref = tags.id AND sightings.scan_id = tags.last_scan
          AND sightings.commented)
FROM tags JOIN sites ON sites.id = tags.site_id
LEFT JOIN approvals ON approvals.site_id = tags.site_id AND approvals.key = tags.key
WHERE ?1 = '' OR sites.site = ?1
ORDER BY sites.site, tags.key)sql");
  query.bind_text(1, site);
  std::vector<TagRecord> tags;
  while (query.step()) {
    TagRecord& tag = tags.emplace_back();
    tag.site = query.text_at(0);
    tag.key = query.text_at(1);
    tag.signature_id = query.text_at(2);
    tag.vendor = query.text_at(3);
    tag.product = query.text_at(4);
    tag.category = query.text_at(5);
    tag.tag_id = query.text_at(6);
    tag.first_seen = query.text_at(7);
    tag.last_seen = query.text_at(8);
    tag.first_scan = query.int_at(9);
    tag.last_scan = query.int_at(10);
    tag.pages_last_scan = query.int_at(11);
    tag.approved = query.bool_at(12);
    tag.approval_note = query.text_at(13);
    tag.pages_commented_last_scan = query.int_at(14);
  }
  return tags;
}

std::vector<std::string> History::sites() const {
  Statement query(db_.handle(),
                  "SELECT site FROM sites WHERE EXISTS (SELECT 1 FROM scans WHERE site_id = "
                  "sites.id) ORDER BY site");
  std::vector<std::string> sites;
  while (query.step()) sites.push_back(query.text_at(0));
  return sites;
}

}  // namespace tagdrift::storage
