// "Did you mean ...?": the known name nearest a mistyped one, by edit distance, so that a typo in
// a command, a policy file or a flag is named together with what was probably meant.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tagdrift {

// Levenshtein distance (insertions, deletions, substitutions; a swap of neighbours counts 1).
std::size_t edit_distance(std::string_view a, std::string_view b);

// The known name closest to `word`, when it is close enough to be a typo of it: at most 2 edits,
// and at most a third of the longer name's length (so "ads" does not suggest "chat"). Ties go to
// the first in `known`.
std::optional<std::string> closest_name(std::string_view word,
                                        const std::vector<std::string>& known);

// "; did you mean 'NAME'?" for closest_name, or "" when nothing is close.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& known);

}  // namespace tagdrift
