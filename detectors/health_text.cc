#include "detectors/health_text.h"

#include "util/ascii.h"

namespace tagdrift::detectors {
namespace {

bool ascii_word(unsigned char c) { return is_ascii_alnum(static_cast<char>(c)); }

// U+2000..U+203F (dashes, quotes, bullets) are punctuation; the rest of non-ASCII is text.
bool general_punctuation(std::string_view text, std::size_t i) {
  return i + 2 < text.size() && static_cast<unsigned char>(text[i]) == 0xE2 &&
         (static_cast<unsigned char>(text[i + 1]) == 0x80 ||
          static_cast<unsigned char>(text[i + 1]) == 0x81);
}

bool typographic_apostrophe(std::string_view text, std::size_t i) {
  return general_punctuation(text, i) && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
         (static_cast<unsigned char>(text[i + 2]) == 0x98 ||
          static_cast<unsigned char>(text[i + 2]) == 0x99);
}

}  // namespace

std::string normalize_words(std::string_view text, bool split_camel) {
  std::string out;
  out.reserve(text.size());
  char pending = 0;  // the separator owed before the next word character
  unsigned char previous = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\'' || typographic_apostrophe(text, i)) {
      i += c == '\'' ? 0 : 2;
      continue;
    }
    bool punctuation = general_punctuation(text, i);
    if (punctuation || (c == 0xC2 && i + 1 < text.size() && text[i + 1] == '\xA0')) {
      i += punctuation ? 2 : 1;
      if (pending != '|') pending = ' ';
      previous = ' ';
      continue;
    }
    if (!ascii_word(c) && c < 0x80) {
      if (c == static_cast<unsigned char>(kTextBreak)) {
        pending = '|';
      } else if (pending != '|') {
        pending = ' ';
      }
      previous = c;
      continue;
    }
    if (split_camel && is_ascii_upper(c) && is_ascii_lower(previous) && pending == 0) pending = ' ';
    if (pending != 0 && !out.empty()) out += pending;
    pending = 0;
    out += ascii_lower(static_cast<char>(c));
    previous = c;
  }
  return out;
}

}  // namespace tagdrift::detectors
