// How a DevTools call can fail. Thrown inside the browser library only: a visit turns it into
// its page error, so it never reaches the user raw.
#pragma once

#include <stdexcept>
#include <string>

namespace tagdrift::browser {

class DevToolsError : public std::runtime_error {
 public:
  enum class Kind {
    kTimeout,   // no answer within the bound the caller set
    kClosed,    // the pipe closed: the browser exited or was killed
    kProtocol,  // the browser answered with an error object, or sent what is not JSON
  };
  DevToolsError(Kind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  Kind kind() const { return kind_; }

 private:
  Kind kind_;
};

}  // namespace tagdrift::browser
