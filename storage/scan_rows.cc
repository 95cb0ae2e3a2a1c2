#include "storage/scan_rows.h"

#include "storage/json_text.h"
#include "util/sha256.h"

namespace tagdrift::storage {

namespace {

constexpr std::string_view kInsertPage = R"sql(
INSERT INTO pages (scan_id, url, final_url, status, content_type, bytes, seconds, depth, found_by,
                   referrer, error, skipped, health_context, health_terms, collects_pii,
                   body_hash, etag, last_modified, reused, extract_id, file)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,
        ?20, ?21)
)sql";

// Extracts are keyed by the hash of their content, so an unchanged page adds no row.
constexpr std::string_view kUpsertExtract = R"sql(
INSERT INTO extracts (hash, links, scripts) VALUES (?1, ?2, ?3)
ON CONFLICT (hash) DO UPDATE SET hash = excluded.hash
RETURNING id
)sql";

// Scans of one site may be written at the same time and commit in any order, so first and last
// are kept as the lowest and highest scan id rather than the latest writer's.
constexpr std::string_view kUpsertTag = R"sql(
INSERT INTO tags (site_id, key, signature_id, vendor, product, category, tag_id, first_seen,
                  last_seen, first_scan, last_scan)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?9, ?9)
ON CONFLICT (site_id, key) DO UPDATE SET
  signature_id = excluded.signature_id, vendor = excluded.vendor, product = excluded.product,
  category = excluded.category, tag_id = excluded.tag_id,
  first_seen = iif(excluded.first_scan < first_scan, excluded.first_seen, first_seen),
  first_scan = min(first_scan, excluded.first_scan),
  last_seen = iif(excluded.last_scan > last_scan, excluded.last_seen, last_seen),
  last_scan = max(last_scan, excluded.last_scan)
RETURNING id
)sql";

constexpr std::string_view kInsertSighting = R"sql(
INSERT INTO sightings (scan_id, page_id, tag_ref, signature_id, page_url, place, via,
                       consent_gated, commented, events, enhanced_match, evidence, line,
                       container_id, container_version, container_tag, container_template,
                       container_firing, container_resolved)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)
)sql";

constexpr std::string_view kInsertUnread = R"sql(
INSERT INTO unread_scripts (scan_id, page_id, url, reason, detail) VALUES (?1, ?2, ?3, ?4, ?5)
)sql";

}  // namespace

ScanRows::ScanRows(sqlite3* db, std::int64_t scan_id, std::int64_t site_id, std::string seen_at)
    : db_(db),
      scan_id_(scan_id),
      site_id_(site_id),
      seen_at_(std::move(seen_at)),
      insert_page_(db, kInsertPage),
      upsert_tag_(db, kUpsertTag),
      insert_sighting_(db, kInsertSighting),
      upsert_extract_(db, kUpsertExtract),
      insert_unread_(db, kInsertUnread) {}

void ScanRows::insert(const PageRecord& page, const std::vector<SightingRecord>& sightings) {
  std::int64_t page_id = insert_page(page);
  for (const UnreadScriptRecord& unread : page.unread) {
    insert_unread_.bind_int(1, scan_id_)
        .bind_int(2, page_id)
        .bind_text_in_place(3, unread.url)
        .bind_text_in_place(4, unread.reason)
        .bind_text_in_place(5, unread.detail)
        .run();
  }
  // Bound in place: every text lives until the row is written.
  for (const SightingRecord& sighting : sightings) {
    insert_sighting_.bind_int(1, scan_id_)
        .bind_int(2, page_id)
        .bind_int(3, tag_row(sighting))
        .bind_text_in_place(4, sighting.signature_id)
        .bind_text_in_place(5, sighting.page_url)
        .bind_text_in_place(6, sighting.place)
        .bind_text_in_place(7, sighting.via)
        .bind_int(8, sighting.consent_gated)
        .bind_int(9, sighting.commented)
        .bind_text_in_place(10, to_json_text(sighting.events))
        .bind_text_in_place(11, to_json_text(sighting.enhanced_match))
        .bind_text_in_place(12, sighting.evidence)
        .bind_int(13, sighting.line)
        .bind_text_in_place(14, sighting.container.container_id)
        .bind_text_in_place(15, sighting.container.version)
        .bind_int(16, sighting.container.tag_id)
        .bind_text_in_place(17, sighting.container.template_name)
        .bind_text_in_place(18, sighting.container.firing)
        .bind_text_in_place(19, sighting.container.resolved)
        .run();
  }
}

std::int64_t ScanRows::insert_page(const PageRecord& page) {
  const std::string health_terms = to_json_text(page.health_terms);
  const std::string collects_pii = to_json_text(page.collects_pii);
  const std::int64_t extract = page.extract ? extract_row(*page.extract) : 0;
  insert_page_.bind_int(1, scan_id_)
      .bind_text_in_place(2, page.url)
      .bind_text_in_place(3, page.final_url)
      .bind_int(4, page.status)
      .bind_text_in_place(5, page.content_type)
      .bind_int(6, static_cast<std::int64_t>(page.bytes))
      .bind_real(7, page.seconds)
      .bind_int(8, page.depth)
      .bind_text_in_place(9, page.found_by)
      .bind_text_in_place(10, page.referrer)
      .bind_text_in_place(11, page.error)
      .bind_text_in_place(12, page.skipped)
      .bind_int(13, page.health_context)
      .bind_text_in_place(14, health_terms)
      .bind_text_in_place(15, collects_pii)
      .bind_text_in_place(16, page.body_hash)
      .bind_text_in_place(17, page.etag)
      .bind_text_in_place(18, page.last_modified)
      .bind_int(19, page.reused)
      .bind_text_in_place(21, page.file);
  if (page.extract) {
    insert_page_.bind_int(20, extract);
  } else {
    insert_page_.bind_null(20);
  }
  insert_page_.run();
  return sqlite3_last_insert_rowid(db_);
}

std::int64_t ScanRows::extract_row(const PageExtract& extract) {
  if (extract.id != 0) return extract.id;
  std::string links = to_json_text(extract.links);
  std::string scripts = to_json_text(extract.scripts);
  upsert_extract_.bind_text(1, sha256_hex(links + "\n" + scripts))
      .bind_text(2, links)
      .bind_text(3, scripts);
  std::int64_t id = upsert_extract_.step() ? upsert_extract_.int_at(0) : 0;
  upsert_extract_.run();
  return id;
}

// One upsert per tag and scan: later sightings of the same key reuse the id.
std::int64_t ScanRows::tag_row(const SightingRecord& sighting) {
  if (auto known = tag_ids_.find(sighting.key); known != tag_ids_.end()) return known->second;
  upsert_tag_.bind_int(1, site_id_)
      .bind_text(2, sighting.key)
      .bind_text(3, sighting.signature_id)
      .bind_text(4, sighting.vendor)
      .bind_text(5, sighting.product)
      .bind_text(6, sighting.category)
      .bind_text(7, sighting.tag_id)
      .bind_text(8, seen_at_)
      .bind_int(9, scan_id_);
  std::int64_t id = upsert_tag_.step() ? upsert_tag_.int_at(0) : 0;
  upsert_tag_.run();
  tag_ids_.emplace(sighting.key, id);
  return id;
}

}  // namespace tagdrift::storage
