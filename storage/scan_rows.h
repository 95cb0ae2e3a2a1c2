// The rows one page adds to the history (the page, its sightings, the tags they are of),
// through statements prepared once per scan.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "storage/history_records.h"
#include "storage/statement.h"

namespace tagdrift::storage {

class ScanRows {
 public:
  // `seen_at` is the time a tag counts as seen by this scan: the scan's start.
  ScanRows(sqlite3* db, std::int64_t scan_id, std::int64_t site_id, std::string seen_at);

  // Adds `page` (with its unread scripts) and `sightings`, creating or updating their tags. Call
  // inside a write transaction.
  void insert(const PageRecord& page, const std::vector<SightingRecord>& sightings);

  // Forgets the tag ids learned since the last commit: call after a rollback, which may have
  // undone the rows they name.
  void forget_tags() { tag_ids_.clear(); }

 private:
  std::int64_t insert_page(const PageRecord& page);
  std::int64_t tag_row(const SightingRecord& sighting);
  std::int64_t extract_row(const PageExtract& extract);

  sqlite3* db_;
  std::int64_t scan_id_;
  std::int64_t site_id_;
  std::string seen_at_;
  Statement insert_page_;
  Statement upsert_tag_;
  Statement insert_sighting_;
  Statement upsert_extract_;
  Statement insert_unread_;
  std::unordered_map<std::string, std::int64_t> tag_ids_;  // key -> tags.id
};

}  // namespace tagdrift::storage
