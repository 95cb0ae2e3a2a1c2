// The one exception that ends a command: caught once in main, printed as one line, mapped to an
// exit code. A failure of a single page is never an Error; it is data in Page::error.
#pragma once

#include <stdexcept>
#include <string>

#include "util/exit_code.h"

namespace tagdrift {

class Error : public std::runtime_error {
 public:
  Error(ExitCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
  ExitCode code() const { return code_; }

 private:
  ExitCode code_;
};

// Shorthand for the most common case: a usage or configuration error (exit 2).
inline Error usage_error(const std::string& message) { return Error(ExitCode::kUsage, message); }

}  // namespace tagdrift
