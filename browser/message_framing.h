// The debugging pipe's framing: each message is one JSON text followed by a NUL byte.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace tagdrift::browser {

// Collects bytes as they arrive and hands out whole messages, each at most `max_message` bytes.
class MessageFraming {
 public:
  explicit MessageFraming(std::size_t max_message) : max_message_(max_message) {}

  void append(std::string_view bytes) { pending_.append(bytes); }
  // The next whole message without its NUL, or nothing until more bytes arrive.
  std::optional<std::string> next();
  // Once next() has returned nothing: true when the message under way has grown past the
  // budget without its NUL, and the stream is unusable.
  bool over_budget() const;

 private:
  std::size_t max_message_;
  std::string pending_;
  std::size_t start_ = 0;     // where the next message begins in pending_
  std::size_t searched_ = 0;  // pending_ holds no NUL from start_ up to here
};

}  // namespace tagdrift::browser
