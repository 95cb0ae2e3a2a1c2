// Which <script type> values a browser runs as JavaScript, and which mark a data block that is
// never a tag (JSON-LD, import maps, client-side templates).
#pragma once

#include <string_view>

namespace tagdrift::detectors {

// True for an absent or empty type, "module", and the HTML standard's JavaScript MIME types
// (ASCII case-insensitive, surrounding whitespace ignored, parameters not allowed).
bool is_javascript_type(std::string_view type);

// True for types that hold data or markup for scripts to read: JSON, import maps, speculation
// rules and template types. Such a script is never a tag, even behind a consent marker.
bool is_data_block_type(std::string_view type);

}  // namespace tagdrift::detectors
