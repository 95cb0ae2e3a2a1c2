// ANSI styling for the text report, a no-op unless colour was asked for, so the same rendering
// code writes to terminals and to pipes.
#pragma once

#include <string>
#include <string_view>

#include "drift/report_model.h"

namespace tagdrift::report {

inline constexpr std::string_view kBold = "\033[1m";
inline constexpr std::string_view kRed = "\033[31m";
inline constexpr std::string_view kYellow = "\033[33m";
inline constexpr std::string_view kGreen = "\033[32m";
inline constexpr std::string_view kDim = "\033[2m";

class Paint {
 public:
  explicit Paint(bool on) : on_(on) {}
  // `text` wrapped in `style` and a reset when colour is on; `text` as is otherwise.
  std::string operator()(std::string_view style, std::string_view text) const;
  // The severity's name in upper case, padded to one width, in its colour: critical and high
  // red, medium yellow, low and info dim.
  std::string severity(drift::Severity severity) const;
  // The severity's name as it is ("critical"), in its colour, for use inside a sentence.
  std::string severity_word(drift::Severity severity) const;

 private:
  bool on_;
};

}  // namespace tagdrift::report
