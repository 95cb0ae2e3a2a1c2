#include "storage/tag_presence.h"

#include "storage/statement.h"

namespace tagdrift::storage {

std::vector<TagPresence> tag_presence(const Database& db, const std::string& site,
                                      std::int64_t up_to_scan) {
  Statement query(db.handle(), R"sql(
SELECT tags.key, tags.vendor, tags.product, tags.tag_id, scans.id
FROM sites
JOIN tags ON tags.site_id = sites.id
JOIN scans ON scans.site_id = sites.id
WHERE sites.site = ?1 AND scans.id <= ?2
  AND EXISTS (SELECT 1 FROM sightings
              WHERE sightings.tag_ref = tags.id AND sightings.scan_id = scans.id
                AND NOT sightings.commented)
ORDER BY tags.key, scans.id)sql");
  query.bind_text(1, site);
  query.bind_int(2, up_to_scan);
  std::vector<TagPresence> tags;
  while (query.step()) {
    if (tags.empty() || tags.back().key != query.text_view_at(0)) {
      TagPresence& tag = tags.emplace_back();
      tag.key = query.text_at(0);
      tag.vendor = query.text_at(1);
      tag.product = query.text_at(2);
      tag.tag_id = query.text_at(3);
    }
    tags.back().scans.push_back(query.int_at(4));
  }
  return tags;
}

}  // namespace tagdrift::storage
