// How many transfers several crawls running at once (a fleet's sites) may have in flight
// together. Each crawl also keeps its own --concurrency; the budget caps their sum. Thread-safe.
#pragma once

#include <atomic>
#include <cstddef>

namespace tagdrift::crawler {

class TransferBudget {
 public:
  explicit TransferBudget(std::size_t limit) : limit_(limit == 0 ? 1 : limit) {}

  // Whether a crawl may start another page now. Crawls on other threads may take the last slot
  // in the meantime, so the sum can pass the limit by at most one transfer per other crawl.
  bool has_room() const { return in_flight_.load(std::memory_order_relaxed) < limit_; }

  // Every transfer started counts (robots.txt, sitemaps and redirect hops of admitted pages too).
  void take() { in_flight_.fetch_add(1, std::memory_order_relaxed); }
  void give_back(std::size_t count = 1) { in_flight_.fetch_sub(count, std::memory_order_relaxed); }

  std::size_t limit() const { return limit_; }
  std::size_t in_flight() const { return in_flight_.load(std::memory_order_relaxed); }

 private:
  const std::size_t limit_;
  std::atomic<std::size_t> in_flight_{0};
};

}  // namespace tagdrift::crawler
