#include "detectors/noscript_text.h"

namespace tagdrift::detectors {

std::size_t find_noscript_end(std::string_view text, std::size_t from) {
  static constexpr std::string_view kClose = "</noscript";
  for (std::size_t at = text.find("</", from); at != std::string_view::npos;
       at = text.find("</", at + 2)) {
    if (text.size() - at < kClose.size()) break;
    bool same = true;
    for (std::size_t i = 2; i < kClose.size() && same; ++i)
      same = (text[at + i] | 0x20) == kClose[i];
    if (same) return at;
  }
  return std::string_view::npos;
}

}  // namespace tagdrift::detectors
