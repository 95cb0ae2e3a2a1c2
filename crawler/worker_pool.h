// A fixed pool of threads running jobs off the I/O loop, so a slow parse never stalls transfers.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace tagdrift::crawler {

class WorkerPool {
 public:
  // `threads` == 0 means one per core.
  explicit WorkerPool(std::size_t threads);
  ~WorkerPool();  // finishes the queued jobs, then joins
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  void submit(std::function<void()> job);
  std::size_t size() const { return threads_.size(); }

 private:
  void run();

  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> jobs_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace tagdrift::crawler
