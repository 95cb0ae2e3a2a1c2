// A guard in front of Gumbo: how much of a page can be parsed without nesting deeper than a
// browser would. Gumbo's tree building takes time quadratic in the nesting depth.
#pragma once

#include <cstddef>
#include <string_view>

namespace tagdrift {

// Deeper HTML is cut off before it reaches Gumbo. Browsers cap the depth of the tree they build
// near here too.
inline constexpr std::size_t kMaxHtmlDepth = 512;

// The length of the longest prefix of `html` whose elements nest at most `max_depth` deep, by
// a conservative estimate of the HTML tree builder's stack of open elements. Anything that
// parses HTML with Gumbo should parse only this prefix.
std::size_t html_prefix_within_depth(std::string_view html, std::size_t max_depth = kMaxHtmlDepth);

}  // namespace tagdrift
