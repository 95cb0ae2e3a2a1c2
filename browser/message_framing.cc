#include "browser/message_framing.h"

namespace tagdrift::browser {

std::optional<std::string> MessageFraming::next() {
  // Bytes already searched are not searched again: a large message arrives in many reads.
  const auto end = pending_.find('\0', searched_);
  if (end == std::string::npos) {
    pending_.erase(0, start_);
    start_ = 0;
    searched_ = pending_.size();
    return std::nullopt;
  }
  std::string message = pending_.substr(start_, end - start_);
  start_ = searched_ = end + 1;
  return message;
}

bool MessageFraming::over_budget() const { return pending_.size() - start_ > max_message_; }

}  // namespace tagdrift::browser
