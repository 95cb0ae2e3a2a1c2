// Where a <noscript>'s content ends when it is read as raw text, as a browser that runs scripts
// reads it. places.cc reads that text again as markup and skimmed_parse.cc must never skim it,
// so both find its end here.
#pragma once

#include <cstddef>
#include <string_view>

namespace tagdrift::detectors {

// The offset of the first "</noscript" (ASCII case-insensitive) at or after `from` in `text`,
// or npos: then the content runs to the end.
std::size_t find_noscript_end(std::string_view text, std::size_t from = 0);

}  // namespace tagdrift::detectors
