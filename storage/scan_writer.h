// Writes one scan into the history as it runs: the scan row at once, pages in short batched
// transactions, and the "complete" mark last, so a scan killed at any moment stays incomplete.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "storage/database.h"
#include "storage/history_records.h"

namespace tagdrift::storage {

class ScanRows;

struct ScanWriterOptions {
  // Parameter names masked in every stored URL (see redact.h); empty means the defaults.
  std::vector<std::string> redact_patterns;
  // A batch is written when it holds this many pages or is this old, whichever comes first.
  std::size_t batch_pages = 200;
  std::chrono::milliseconds batch_interval{500};
};

class ScanWriter {
 public:
  // Stores `header` (its id and complete flag are ignored; an empty started_at means now) as an
  // incomplete scan. Throws a usage error when the database is read-only or cannot be written.
  ScanWriter(Database& db, ScanRecord header, ScanWriterOptions options = {});
  // Without finish(), writes what is buffered and leaves the scan incomplete. Never throws.
  ~ScanWriter();
  ScanWriter(const ScanWriter&) = delete;
  ScanWriter& operator=(const ScanWriter&) = delete;

  std::int64_t scan_id() const { return scan_id_; }

  // Buffers one page and its sightings, URLs redacted; writes the batch when it is due.
  void add_page(PageRecord page, std::vector<SightingRecord> sightings);

  // Writes what is buffered, the scripts the scan fetched and the containers it decoded, and
  // marks the scan complete with `counts`, in one transaction.
  void finish(const ScanCounts& counts, const std::string& finished_at,
              const std::vector<ScriptRecord>& scripts = {},
              const std::vector<ContainerRecord>& containers = {});

 private:
  struct PendingPage {
    PageRecord page;
    std::vector<SightingRecord> sightings;
  };

  void flush();
  void commit_pending(const std::function<void(sqlite3*)>& also);
  void require_open() const;

  Database& db_;
  ScanWriterOptions options_;
  std::int64_t scan_id_ = 0;
  std::unique_ptr<ScanRows> rows_;
  std::vector<PendingPage> pending_;
  std::chrono::steady_clock::time_point last_write_;
  bool finished_ = false;
};

}  // namespace tagdrift::storage
