// Text from crawled pages is hostile: it may be invalid UTF-8 or carry control characters that
// rewrite a terminal or break XML. These make it safe to print, replacing what is not.
#pragma once

#include <string>
#include <string_view>

namespace tagdrift::report {

// U+FFFD, what every unprintable or undecodable piece becomes.
inline constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

// `text` with each invalid UTF-8 sequence (stray or truncated bytes, overlong forms, surrogates,
// code points past U+10FFFF) replaced by U+FFFD.
std::string valid_utf8(std::string_view text);

// valid_utf8(text) with control characters (C0 but tab, DEL, C1) and the non-characters U+FFFE
// and U+FFFF also replaced: safe on a terminal, in Markdown and in XML 1.0 text.
std::string printable(std::string_view text, bool keep_newlines = false);

}  // namespace tagdrift::report
