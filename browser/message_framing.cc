#include "browser/message_framing.h"

namespace tagdrift::browser {

std::optional<std::string> MessageFraming::next() {
  const auto end = pending_.find('\0', start_);
  if (end == std::string::npos) {
    pending_.erase(0, start_);
    start_ = 0;
    return std::nullopt;
  }
  std::string message = pending_.substr(start_, end - start_);
  start_ = end + 1;
  return message;
}

bool MessageFraming::over_budget() const {
  const auto end = pending_.find('\0', start_);
  const auto length = (end == std::string::npos ? pending_.size() : end) - start_;
  return length > max_message_;
}

}  // namespace tagdrift::browser
