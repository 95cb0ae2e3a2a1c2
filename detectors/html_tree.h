// Gumbo parsing with one owner for the output, and small read-only helpers over parsed elements.
// Detectors read pages through these so that no Gumbo handle is ever freed by hand.
#pragma once

#include <gumbo.h>

#include <string_view>

#include "util/html_parse.h"

namespace tagdrift::detectors {

using tagdrift::GumboOutputPtr;
using tagdrift::parse_html;

// The value of attribute `name` (lower-case), or nullptr when the element has none.
const char* attribute_value(const GumboElement& element, const char* name);

// True when the class attribute has a token starting with `prefix` (case-sensitive, as CSS is).
bool has_class_prefix(const GumboElement& element, std::string_view prefix);

// True when `text` holds something an HTML parser reads as a tag: '<' then an ASCII letter.
bool has_markup(std::string_view text);

// Line breaks in raw source text the way Gumbo counts them: "\r\n", "\r" and "\n" are one each.
unsigned count_line_breaks(std::string_view text);

}  // namespace tagdrift::detectors
