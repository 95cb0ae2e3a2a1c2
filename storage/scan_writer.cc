#include "storage/scan_writer.h"

#include <fmt/format.h>

#include "storage/redact.h"
#include "storage/scan_rows.h"
#include "storage/site_ids.h"
#include "storage/statement.h"
#include "storage/transaction.h"
#include "util/error.h"
#include "util/time.h"

namespace tagdrift::storage {

namespace {

std::int64_t insert_scan(sqlite3* db, const ScanRecord& header, std::int64_t site_id) {
  Statement(db, R"sql(
INSERT INTO scans (site_id, target, options_json, started_at, complete, pages_crawled,
                   pages_failed, pages_skipped, detection)
VALUES (?1, ?2, ?3, ?4, 0, ?5, ?6, ?7, ?8))sql")
      .bind_int(1, site_id)
      .bind_text(2, header.target)
      .bind_text(3, header.options_json.empty() ? "{}" : header.options_json)
      .bind_text(4, header.started_at)
      .bind_int(5, header.pages_crawled)
      .bind_int(6, header.pages_failed)
      .bind_int(7, header.pages_skipped)
      .bind_text(8, header.detection)
      .run();
  return sqlite3_last_insert_rowid(db);
}

void mark_complete(sqlite3* db, std::int64_t scan_id, const ScanCounts& counts,
                   const std::string& finished_at) {
  Statement(db, R"sql(
UPDATE scans SET complete = 1, finished_at = ?2, pages_crawled = ?3, pages_failed = ?4,
                 pages_skipped = ?5
WHERE id = ?1)sql")
      .bind_int(1, scan_id)
      .bind_text(2, finished_at)
      .bind_int(3, counts.pages_crawled)
      .bind_int(4, counts.pages_failed)
      .bind_int(5, counts.pages_skipped)
      .run();
}

void insert_scripts(sqlite3* db, std::int64_t scan_id, const std::vector<ScriptRecord>& scripts,
                    const std::vector<std::string>& patterns) {
  Statement insert(db, R"sql(
INSERT OR REPLACE INTO scripts (scan_id, url, body_hash, error) VALUES (?1, ?2, ?3, ?4))sql");
  for (const ScriptRecord& script : scripts) {
    insert.bind_int(1, scan_id)
        .bind_text(2, redact_url(script.url, patterns))
        .bind_text(3, script.body_hash)
        .bind_text(4, script.error)
        .run();
  }
}

void insert_containers(sqlite3* db, std::int64_t scan_id,
                       const std::vector<ContainerRecord>& containers,
                       const std::vector<std::string>& patterns) {
  Statement insert(db, R"sql(
INSERT OR REPLACE INTO containers (scan_id, url, container_id, version) VALUES (?1, ?2, ?3, ?4))sql");
  for (const ContainerRecord& container : containers) {
    insert.bind_int(1, scan_id)
        .bind_text(2, redact_url(container.url, patterns))
        .bind_text(3, container.container_id)
        .bind_text(4, container.version)
        .run();
  }
}

// A scan's batches commit with synchronous = NORMAL: in WAL mode a batch is still atomic and
// survives the process, but is synced to disk only with a later commit or checkpoint. The commit
// that completes the scan is FULL, and its sync makes every batch before it durable too. An OS
// crash in the middle of a scan can lose its last batches; that scan was incomplete anyway, and
// drift never compares with an incomplete scan.
void set_synchronous(sqlite3* db, const char* level) {
  Statement(db, fmt::format("PRAGMA synchronous = {}", level)).run();
}

void redact_page(PageRecord& page, std::vector<SightingRecord>& sightings,
                 const std::vector<std::string>& patterns) {
  page.url = redact_url(page.url, patterns);
  page.final_url = redact_url(page.final_url, patterns);
  page.referrer = redact_url(page.referrer, patterns);
  for (UnreadScriptRecord& unread : page.unread) {
    unread.page_url = redact_url(unread.page_url, patterns);
    unread.url = redact_url(unread.url, patterns);
    unread.detail = redact_urls_in_text(unread.detail, patterns);
  }
  for (SightingRecord& sighting : sightings) {
    sighting.page_url = redact_url(sighting.page_url, patterns);
    sighting.via = redact_url(sighting.via, patterns);
  }
}

}  // namespace

ScanWriter::ScanWriter(Database& db, ScanRecord header, ScanWriterOptions options)
    : db_(db), options_(std::move(options)), last_write_(std::chrono::steady_clock::now()) {
  db_.require_writable();
  if (header.started_at.empty()) header.started_at = utc_now_iso8601();
  header.target = redact_url(header.target, options_.redact_patterns);
  Transaction transaction(db_.handle());
  std::int64_t site_id = ensure_site(db_.handle(), header.site);
  scan_id_ = insert_scan(db_.handle(), header, site_id);
  transaction.commit();
  rows_ = std::make_unique<ScanRows>(db_.handle(), scan_id_, site_id, header.started_at);
  set_synchronous(db_.handle(), "NORMAL");
}

ScanWriter::~ScanWriter() {
  if (finished_) return;
  try {
    flush();
    set_synchronous(db_.handle(), "FULL");
  } catch (...) {
    // The pages not yet written are lost; the scan stays incomplete, which drift already skips.
  }
}

void ScanWriter::add_page(PageRecord page, std::vector<SightingRecord> sightings) {
  require_open();
  redact_page(page, sightings, options_.redact_patterns);
  pending_.push_back({std::move(page), std::move(sightings)});
  bool full = pending_.size() >= options_.batch_pages;
  bool old = std::chrono::steady_clock::now() - last_write_ >= options_.batch_interval;
  if (full || old) flush();
}

void ScanWriter::finish(const ScanCounts& counts, const std::string& finished_at,
                        const std::vector<ScriptRecord>& scripts,
                        const std::vector<ContainerRecord>& containers) {
  require_open();
  std::string finished = finished_at.empty() ? utc_now_iso8601() : finished_at;
  set_synchronous(db_.handle(), "FULL");
  commit_pending([&](sqlite3* db) {
    insert_scripts(db, scan_id_, scripts, options_.redact_patterns);
    insert_containers(db, scan_id_, containers, options_.redact_patterns);
    mark_complete(db, scan_id_, counts, finished);
  });
  finished_ = true;
}

void ScanWriter::flush() {
  if (!pending_.empty()) commit_pending(nullptr);
}

// Pending pages stay buffered until their transaction commits, so a failed batch is not lost
// while the writer lives; the tag ids learned in a rolled-back transaction are forgotten.
void ScanWriter::commit_pending(const std::function<void(sqlite3*)>& also) {
  try {
    Transaction transaction(db_.handle());
    for (const PendingPage& pending : pending_) rows_->insert(pending.page, pending.sightings);
    if (also) also(db_.handle());
    transaction.commit();
  } catch (...) {
    rows_->forget_tags();
    throw;
  }
  pending_.clear();
  last_write_ = std::chrono::steady_clock::now();
}

void ScanWriter::require_open() const {
  if (finished_) throw usage_error(fmt::format("scan {} is already finished", scan_id_));
}

}  // namespace tagdrift::storage
