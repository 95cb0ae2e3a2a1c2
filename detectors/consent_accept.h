// Checks of a consent manager's accept controls as its file declares them ([[accept]]): CSS
// selectors and a JavaScript call a browser can use as written, so a typo fails
// `signatures check` with the file and line rather than a visit that never accepts.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "detectors/signature.h"

namespace tagdrift::detectors {

// What is wrong with one selector ("" when nothing): empty, a control character, a bracket,
// parenthesis or quote left open or closed twice, or a rule body ({ } ;) rather than a selector.
std::string selector_problem(std::string_view selector);

// What is wrong with an accept call: empty, more than one statement, or parentheses unbalanced.
std::string script_problem(std::string_view script);

// One "<file>:<line>: accept '<vendor>': ..." line per problem of `accept`.
std::vector<std::string> check_consent_accept(const ConsentAccept& accept);

}  // namespace tagdrift::detectors
