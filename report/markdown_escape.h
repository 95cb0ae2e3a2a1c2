// Makes hostile text literal in GitHub-flavoured Markdown: it cannot end a table cell, open a
// code span, link, emphasis or HTML tag, or start a new line.
#pragma once

#include <string>
#include <string_view>

namespace tagdrift::report {

// Every Markdown punctuation character backslash-escaped, line breaks and control characters
// replaced, invalid UTF-8 replaced by U+FFFD. Safe in table cells and in running text.
std::string markdown_escape(std::string_view text);

}  // namespace tagdrift::report
