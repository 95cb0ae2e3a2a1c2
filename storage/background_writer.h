// A ScanWriter on its own thread, so that a crawl hands each page over and goes on while the
// batches are redacted and committed. The scan's pages reach the history in the order they were
// added, in the same batches and with the same crash guarantees as with ScanWriter itself.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <exception>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "storage/scan_writer.h"

namespace tagdrift::storage {

class BackgroundScanWriter {
 public:
  // Creates the scan row on the calling thread (errors are thrown here, as by ScanWriter).
  BackgroundScanWriter(Database& db, ScanRecord header, ScanWriterOptions options = {});
  // Without finish(), writes what was added and leaves the scan incomplete. Never throws.
  ~BackgroundScanWriter();
  BackgroundScanWriter(const BackgroundScanWriter&) = delete;
  BackgroundScanWriter& operator=(const BackgroundScanWriter&) = delete;

  std::int64_t scan_id() const { return writer_.scan_id(); }

  // Queues one page for the writer thread. Waits while kMaxQueuedPages are queued, so a slow
  // disk slows the crawl instead of growing memory. Rethrows the first error the thread met.
  void add_page(PageRecord page, std::vector<SightingRecord> sightings);

  // Waits until every queued page is written, then finishes the scan as ScanWriter::finish does.
  void finish(const ScanCounts& counts, const std::string& finished_at,
              const std::vector<ScriptRecord>& scripts = {},
              const std::vector<ContainerRecord>& containers = {});

  static constexpr std::size_t kMaxQueuedPages = 1000;
  // The thread wakes for this many queued pages, or after kWakeAfter with fewer: waking it for
  // every page cost the crawl loop a system call and a context switch a page.
  static constexpr std::size_t kWakeAtPages = 64;
  static constexpr std::chrono::milliseconds kWakeAfter{50};

 private:
  struct Queued {
    PageRecord page;
    std::vector<SightingRecord> sightings;
  };

  void run();
  void stop();
  void rethrow_error();

  ScanWriter writer_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Queued> queue_;
  bool stopping_ = false;
  std::exception_ptr error_;
  std::thread thread_;  // declared last: started once everything above exists
};

}  // namespace tagdrift::storage
