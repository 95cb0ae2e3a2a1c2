// The read side of the history: scans, what they found, and each site's tag inventory.
#pragma once

#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.h"
#include "storage/history_records.h"

namespace tagdrift::storage {

class History {
 public:
  explicit History(const Database& db) : db_(db) {}

  // Every scan (of `site`, or of all sites when empty), oldest first.
  std::vector<ScanRecord> list_scans(const std::string& site = "") const;

  // One scan with its pages and sightings in the order they were written. Throws the usage error
  // "no scan with id N" when there is none.
  ScanContents load_scan(std::int64_t id) const;

  // The pages of scan `id`, then its sightings, each in the order they were written, handed over
  // one at a time in one snapshot: for readers that fold a scan rather than keep it.
  void for_each_record(std::int64_t id, const std::function<void(PageRecord)>& page,
                       const std::function<void(SightingRecord)>& sighting) const;

  // The tag-manager containers scan `id` decoded, by URL, with their versions.
  std::vector<ContainerRecord> containers(std::int64_t id) const;
  // The scripts scan `id` could not read in full, in the order they were written.
  std::vector<UnreadScriptRecord> unread_scripts(std::int64_t id) const;

  // The newest complete scan of `site` older than `before_id`: what a rescan may reuse.
  std::optional<ScanRecord> last_complete_scan(
      const std::string& site,
      std::int64_t before_id = std::numeric_limits<std::int64_t>::max()) const;

  // The newest complete scan of `site` older than `before_id` that is a baseline: what drift
  // compares against. A scan whose new or changed tags failed the gate is none.
  std::optional<ScanRecord> last_baseline_scan(
      const std::string& site,
      std::int64_t before_id = std::numeric_limits<std::int64_t>::max()) const;

  // The newest scan (of `site`, or of any site when empty), complete or not.
  std::optional<ScanRecord> latest_scan(const std::string& site = "") const;

  // Every tag ever seen (on `site`, or on all sites when empty), by site and key, with its pages
  // in its last scan counted live and commented out apart.
  std::vector<TagRecord> tags(const std::string& site = "") const;

  // The site keys with at least one scan, sorted.
  std::vector<std::string> sites() const;

 private:
  const Database& db_;
};

}  // namespace tagdrift::storage
