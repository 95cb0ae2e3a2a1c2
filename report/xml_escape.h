// Makes hostile text safe as XML 1.0 character data or an attribute value: markup characters
// become entities, and what XML 1.0 cannot carry at all becomes U+FFFD.
#pragma once

#include <string>
#include <string_view>

namespace tagdrift::report {

// & < > " ' as entities; tab and newline as character references (so attribute values keep
// them); other control characters, U+FFFE, U+FFFF and invalid UTF-8 replaced by U+FFFD.
std::string xml_escape(std::string_view text);

}  // namespace tagdrift::report
