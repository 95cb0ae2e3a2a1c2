#include "detectors/script_text.h"

#include "util/ascii.h"

namespace tagdrift::detectors {
namespace {

// The value of `count` hex digits at `text[at]`, or -1.
int hex_value(std::string_view text, std::size_t at, std::size_t count) {
  if (at + count > text.size()) return -1;
  int value = 0;
  for (std::size_t i = 0; i < count; ++i) {
    int digit = hex_digit_value(text[at + i]);
    if (digit < 0) return -1;
    value = value * 16 + digit;
  }
  return value;
}

}  // namespace

std::string unescape_script_text(std::string_view body) {
  std::string out;
  out.reserve(body.size());
  for (std::size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (c != '\\' || i + 1 >= body.size()) {
      out += c;
      continue;
    }
    char next = body[i + 1];
    if (next == '"' || next == '\'' || next == '/' || next == '\\') {
      out += next;
      ++i;
      continue;
    }
    std::size_t digits = next == 'u' ? 4 : next == 'x' ? 2 : 0;
    int value = digits ? hex_value(body, i + 2, digits) : -1;
    if (value >= 0x20 && value < 0x7f) {
      out += static_cast<char>(value);
      i += 1 + digits;
      continue;
    }
    out += c;
  }
  return out;
}

}  // namespace tagdrift::detectors
