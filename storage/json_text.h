// Lists of strings as the JSON array text that the pages and sightings tables keep them in.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tagdrift::storage {

// A JSON array of strings; invalid UTF-8 becomes U+FFFD instead of failing the page.
std::string to_json_text(const std::vector<std::string>& values);

// The strings of a JSON array; nothing when `text` is not one. Empty text is an empty list.
std::optional<std::vector<std::string>> from_json_text(const std::string& text);

// The strings of the common case, as to_json_text() writes it: ["a","b"] with no escape, no space
// and nothing but printable ASCII, as views into `text`. Nothing for anything else (which
// from_json_text may still read).
std::optional<std::vector<std::string_view>> plain_json_strings(std::string_view text);

}  // namespace tagdrift::storage
