#include "report/text_style.h"

#include <cctype>

namespace tagdrift::report {
namespace {

constexpr std::string_view kReset = "\033[0m";

std::string_view severity_style(drift::Severity severity) {
  switch (severity) {
    case drift::Severity::kCritical:
    case drift::Severity::kHigh:
      return kRed;
    case drift::Severity::kMedium:
      return kYellow;
    case drift::Severity::kLow:
    case drift::Severity::kInfo:
      return kDim;
  }
  return kDim;
}

}  // namespace

std::string Paint::operator()(std::string_view style, std::string_view text) const {
  if (!on_) return std::string(text);
  std::string out(style);
  out += text;
  out += kReset;
  return out;
}

std::string Paint::severity(drift::Severity severity) const {
  std::string label = drift::severity_name(severity);
  for (char& c : label) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  constexpr std::size_t kWidth = 8;  // "CRITICAL"
  if (label.size() < kWidth) label.append(kWidth - label.size(), ' ');
  return (*this)(severity_style(severity), label);
}

std::string Paint::severity_word(drift::Severity severity) const {
  return (*this)(severity_style(severity), drift::severity_name(severity));
}

}  // namespace tagdrift::report
