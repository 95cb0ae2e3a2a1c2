// Script bodies as the matcher reads them: tag-manager containers carry their tags' code inside
// JavaScript strings (fbq(\"init\",\"123\"), \u003Cscript\u003E), so those escapes are undone.
#pragma once

#include <string>
#include <string_view>

namespace tagdrift::detectors {

// `body` with the escapes \" \' \/ \\, \uXXXX and \xXX of printable ASCII characters decoded;
// anything else is kept as written. Never longer than `body`.
std::string unescape_script_text(std::string_view body);

}  // namespace tagdrift::detectors
