// Text as the health lexicon and the form-field reader compare it: lower-case words separated by
// single spaces, so that "Mental-Health", "mental_health" and "Mental  health" read the same.
#pragma once

#include <string>
#include <string_view>

namespace tagdrift::detectors {

// Put between texts read separately (two headings, two labels) so a phrase never spans them.
inline constexpr char kTextBreak = '\x1f';

// ASCII letters lower-cased; letters, digits and non-ASCII bytes kept as word characters;
// apostrophes (' and U+2018/U+2019) dropped so "Crohn's" reads "crohns"; every other run of
// punctuation and space becomes one space, or '|' when it holds a kTextBreak. With
// `split_camel`, a lower-case letter followed by an upper-case one starts a new word
// ("firstName" reads "first name"), for field names and ids.
std::string normalize_words(std::string_view text, bool split_camel = false);

}  // namespace tagdrift::detectors
