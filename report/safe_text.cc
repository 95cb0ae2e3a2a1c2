#include "report/safe_text.h"

#include <cstddef>
#include <cstdint>

namespace tagdrift::report {
namespace {

constexpr std::uint32_t kInvalid = 0xFFFFFFFF;

struct Decoded {
  std::uint32_t code_point;
  std::size_t length;  // bytes consumed; 1 for an invalid byte
};

bool is_continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

// Decodes the sequence at text[at], rejecting every form RFC 3629 forbids.
Decoded decode(std::string_view text, std::size_t at) {
  auto lead = static_cast<unsigned char>(text[at]);
  if (lead < 0x80) return {lead, 1};
  std::size_t length = 0;
  std::uint32_t code_point = 0, minimum = 0;
  if ((lead & 0xE0) == 0xC0) {
    length = 2, code_point = lead & 0x1F, minimum = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, code_point = lead & 0x0F, minimum = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, code_point = lead & 0x07, minimum = 0x10000;
  } else {
    return {kInvalid, 1};
  }
  if (at + length > text.size()) return {kInvalid, 1};
  for (std::size_t i = 1; i < length; ++i) {
    auto byte = static_cast<unsigned char>(text[at + i]);
    if (!is_continuation(byte)) return {kInvalid, 1};
    code_point = (code_point << 6) | (byte & 0x3F);
  }
  bool surrogate = code_point >= 0xD800 && code_point <= 0xDFFF;
  if (code_point < minimum || surrogate || code_point > 0x10FFFF) return {kInvalid, 1};
  return {code_point, length};
}

bool unprintable(std::uint32_t code_point, bool keep_newlines) {
  if (code_point == '\t') return false;
  if (code_point == '\n') return !keep_newlines;
  return code_point < 0x20 || (code_point >= 0x7F && code_point <= 0x9F) || code_point == 0xFFFE ||
         code_point == 0xFFFF;
}

std::string clean(std::string_view text, bool drop_controls, bool keep_newlines) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t at = 0; at < text.size();) {
    Decoded decoded = decode(text, at);
    bool bad = decoded.code_point == kInvalid ||
               (drop_controls && unprintable(decoded.code_point, keep_newlines));
    if (bad) {
      out += kReplacement;
    } else {
      out.append(text.substr(at, decoded.length));
    }
    at += decoded.length;
  }
  return out;
}

}  // namespace

std::string valid_utf8(std::string_view text) { return clean(text, false, false); }

std::string printable(std::string_view text, bool keep_newlines) {
  return clean(text, true, keep_newlines);
}

}  // namespace tagdrift::report
