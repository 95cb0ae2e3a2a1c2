#include "report/html_escape.h"

#include "report/safe_text.h"

namespace tagdrift::report {

std::string html_escape(std::string_view text) {
  const std::string clean = printable(text, true);
  std::string out;
  out.reserve(clean.size() + clean.size() / 8);
  for (std::size_t i = 0; i < clean.size(); ++i) {
    const char c = clean[i];
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        // U+2028 and U+2029 are E2 80 A8 and E2 80 A9; valid UTF-8 makes this a whole character.
        if (c == '\xE2' && clean.compare(i, 2, "\xE2\x80") == 0 && i + 2 < clean.size() &&
            (clean[i + 2] == '\xA8' || clean[i + 2] == '\xA9')) {
          out += clean[i + 2] == '\xA8' ? "&#x2028;" : "&#x2029;";
          i += 2;
        } else {
          out += c;
        }
    }
  }
  return out;
}

}  // namespace tagdrift::report
