#include "storage/record_rows.h"

#include <fmt/format.h>

#include "storage/json_text.h"
#include "util/error.h"

namespace tagdrift::storage {

const std::string_view kPageColumns = R"sql(
pages.url, pages.final_url, pages.status, pages.content_type, pages.bytes, pages.seconds,
pages.depth, pages.found_by, pages.referrer, pages.error, pages.skipped, pages.health_context,
pages.health_terms, pages.collects_pii, pages.body_hash, pages.etag, pages.last_modified,
pages.reused, pages.file
)sql";

const std::string_view kSightingColumns = R"sql(
tags.key, sightings.signature_id, tags.vendor, tags.product, tags.category, tags.tag_id,
sightings.page_url, sightings.place, sightings.via, sightings.consent_gated, sightings.commented,
sightings.events, sightings.enhanced_match, sightings.evidence, sightings.line,
sightings.container_id, sightings.container_version, sightings.container_tag,
sightings.container_template, sightings.container_firing, sightings.container_resolved
)sql";

std::vector<std::string> read_list_column(const Statement& row, int column, const Database& db) {
  std::optional<std::vector<std::string>> values = from_json_text(row.text_at(column));
  if (!values) {
    throw usage_error(fmt::format("damaged database (a list is not JSON): {}", db.path()));
  }
  return std::move(*values);
}

PageRecord read_page_row(const Statement& row, int first, const Database& db) {
  PageRecord page;
  page.url = row.text_at(first);
  page.final_url = row.text_at(first + 1);
  page.status = static_cast<int>(row.int_at(first + 2));
  page.content_type = row.text_at(first + 3);
  page.bytes = static_cast<std::uint64_t>(row.int_at(first + 4));
  page.seconds = row.real_at(first + 5);
  page.depth = static_cast<int>(row.int_at(first + 6));
  page.found_by = row.text_at(first + 7);
  page.referrer = row.text_at(first + 8);
  page.error = row.text_at(first + 9);
  page.skipped = row.text_at(first + 10);
  page.health_context = row.bool_at(first + 11);
  page.health_terms = read_list_column(row, first + 12, db);
  page.collects_pii = read_list_column(row, first + 13, db);
  page.body_hash = row.text_at(first + 14);
  page.etag = row.text_at(first + 15);
  page.last_modified = row.text_at(first + 16);
  page.reused = row.bool_at(first + 17);
  page.file = row.text_at(first + 18);
  return page;
}

SightingRecord read_sighting_row(const Statement& row, int first, const Database& db) {
  SightingRecord sighting;
  sighting.key = row.text_at(first);
  sighting.signature_id = row.text_at(first + 1);
  sighting.vendor = row.text_at(first + 2);
  sighting.product = row.text_at(first + 3);
  sighting.category = row.text_at(first + 4);
  sighting.tag_id = row.text_at(first + 5);
  sighting.page_url = row.text_at(first + 6);
  sighting.place = row.text_at(first + 7);
  sighting.via = row.text_at(first + 8);
  sighting.consent_gated = row.bool_at(first + 9);
  sighting.commented = row.bool_at(first + 10);
  sighting.events = read_list_column(row, first + 11, db);
  sighting.enhanced_match = read_list_column(row, first + 12, db);
  sighting.evidence = row.text_at(first + 13);
  sighting.line = static_cast<unsigned>(row.int_at(first + 14));
  ContainerOriginRecord& container = sighting.container;
  container.container_id = row.text_at(first + 15);
  container.version = row.text_at(first + 16);
  container.tag_id = static_cast<int>(row.int_at(first + 17));
  container.template_name = row.text_at(first + 18);
  container.firing = row.text_at(first + 19);
  container.resolved = row.text_at(first + 20);
  return sighting;
}

std::vector<ScriptRecord> read_scripts(const Database& db, std::int64_t scan_id) {
  Statement query(db.handle(),
                  "SELECT url, body_hash, error FROM scripts WHERE scan_id = ?1 ORDER BY url");
  query.bind_int(1, scan_id);
  std::vector<ScriptRecord> scripts;
  while (query.step()) {
    scripts.push_back({query.text_at(0), query.text_at(1), query.text_at(2)});
  }
  return scripts;
}

std::vector<ContainerRecord> read_containers(const Database& db, std::int64_t scan_id) {
  Statement query(db.handle(),
                  "SELECT url, container_id, version FROM containers WHERE scan_id = ?1 "
                  "ORDER BY url");
  query.bind_int(1, scan_id);
  std::vector<ContainerRecord> containers;
  while (query.step()) {
    containers.push_back({query.text_at(0), query.text_at(1), query.text_at(2)});
  }
  return containers;
}

std::vector<UnreadScriptRecord> read_unread_scripts(const Database& db, std::int64_t scan_id) {
  Statement query(db.handle(), R"sql(
SELECT pages.url, unread_scripts.url, unread_scripts.reason, unread_scripts.detail
FROM unread_scripts JOIN pages ON pages.id = unread_scripts.page_id
WHERE unread_scripts.scan_id = ?1 ORDER BY unread_scripts.rowid
)sql");
  query.bind_int(1, scan_id);
  std::vector<UnreadScriptRecord> unread;
  while (query.step()) {
    unread.push_back({query.text_at(0), query.text_at(1), query.text_at(2), query.text_at(3)});
  }
  return unread;
}

}  // namespace tagdrift::storage
