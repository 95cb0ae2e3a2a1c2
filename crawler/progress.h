// The progress line on stderr (done / queued / failed / pages per second), only on a terminal.
#pragma once

#include <chrono>
#include <cstddef>

namespace tagdrift::crawler {

class Progress {
 public:
  // Shows nothing unless `enabled` and stderr is a terminal.
  explicit Progress(bool enabled);
  ~Progress();

  void update(std::size_t done, std::size_t queued, std::size_t failed);

 private:
  bool shown_ = false;
  bool enabled_;
  std::chrono::steady_clock::time_point started_;
  std::chrono::steady_clock::time_point last_;
};

}  // namespace tagdrift::crawler
