#include "crawler/progress.h"

#include <fmt/core.h>
#include <unistd.h>

#include <cstdio>

namespace tagdrift::crawler {

Progress::Progress(bool enabled)
    : enabled_(enabled && isatty(STDERR_FILENO) == 1),
      started_(std::chrono::steady_clock::now()),
      last_(started_) {}

Progress::~Progress() {
  if (shown_) fmt::print(stderr, "\r\033[K");
}

void Progress::update(std::size_t done, std::size_t queued, std::size_t failed) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (now - last_ < std::chrono::milliseconds(250)) return;
  last_ = now;
  double seconds = std::chrono::duration<double>(now - started_).count();
  fmt::print(stderr, "\r\033[Kdone {}  queued {}  failed {}  {:.0f} pages/s", done, queued, failed,
             seconds > 0 ? static_cast<double>(done) / seconds : 0.0);
  shown_ = true;
}

}  // namespace tagdrift::crawler
