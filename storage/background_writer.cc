#include "storage/background_writer.h"

#include <iterator>
#include <utility>

namespace tagdrift::storage {

BackgroundScanWriter::BackgroundScanWriter(Database& db, ScanRecord header,
                                           ScanWriterOptions options)
    : writer_(db, std::move(header), std::move(options)), thread_([this] { run(); }) {}

BackgroundScanWriter::~BackgroundScanWriter() {
  stop();
  // What the thread left after an error goes to the writer, whose destructor tries once more.
  try {
    for (Queued& queued : queue_) {
      writer_.add_page(std::move(queued.page), std::move(queued.sightings));
    }
  } catch (...) {
    // Still failing: the scan stays incomplete, which drift already skips.
  }
}

void BackgroundScanWriter::add_page(PageRecord page, std::vector<SightingRecord> sightings) {
  std::unique_lock lock(mutex_);
  if (stopping_) {  // finished: the writer itself says so
    lock.unlock();
    return writer_.add_page(std::move(page), std::move(sightings));
  }
  changed_.wait(lock, [&] { return error_ || queue_.size() < kMaxQueuedPages; });
  rethrow_error();
  queue_.push_back({std::move(page), std::move(sightings)});
  if (queue_.size() == kWakeAtPages) changed_.notify_all();
}

void BackgroundScanWriter::finish(const ScanCounts& counts, const std::string& finished_at,
                                  const std::vector<ScriptRecord>& scripts,
                                  const std::vector<ContainerRecord>& containers) {
  stop();
  rethrow_error();
  writer_.finish(counts, finished_at, scripts, containers);
}

void BackgroundScanWriter::run() {
  std::unique_lock lock(mutex_);
  while (true) {
    changed_.wait_for(lock, kWakeAfter, [&] { return stopping_ || queue_.size() >= kWakeAtPages; });
    if (queue_.empty()) {
      if (stopping_) return;  // with nothing (more) to write
      continue;
    }
    if (error_) return;
    std::deque<Queued> batch;
    batch.swap(queue_);
    changed_.notify_all();  // room in the queue again
    lock.unlock();
    std::size_t written = 0;
    try {
      for (; written < batch.size(); ++written) {
        writer_.add_page(std::move(batch[written].page), std::move(batch[written].sightings));
      }
    } catch (...) {
      lock.lock();
      error_ = std::current_exception();
      // The page that failed is held by the writer; the rest wait in the queue, in order.
      queue_.insert(queue_.begin(), std::make_move_iterator(batch.begin() + written + 1),
                    std::make_move_iterator(batch.end()));
      changed_.notify_all();
      return;
    }
    lock.lock();
  }
}

// Lets the thread write what is queued, then joins it; later calls do nothing.
void BackgroundScanWriter::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void BackgroundScanWriter::rethrow_error() {
  if (error_) std::rethrow_exception(error_);
}

}  // namespace tagdrift::storage
