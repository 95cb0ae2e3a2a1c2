// Text from crawled pages is hostile: in HTML it could open an element, end an attribute or start
// a script. This makes any text safe as element content and as a quoted attribute value.
#pragma once

#include <string>
#include <string_view>

namespace tagdrift::report {

// printable(text, newlines kept) (control bytes and invalid UTF-8 replaced) with & < > " ' written
// as character references, and U+2028 and U+2029 too (a line break to a script, should text ever
// reach one).
std::string html_escape(std::string_view text);

}  // namespace tagdrift::report
