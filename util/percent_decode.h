// Percent-decoding as URLs and form bodies write it.
#pragma once

#include <string>
#include <string_view>

namespace tagdrift {

// `text` with each %XX (hex, either case) decoded; a '%' not followed by two hex digits stays as
// it is. With `plus_is_space` (form bodies, query strings), '+' reads as a space.
std::string percent_decoded(std::string_view text, bool plus_is_space = false);

}  // namespace tagdrift
