// Whether an event name discloses health information ("fertility_consultation", "IVF Lead"):
// its words checked against the page's health terms and a short built-in list of health words.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tagdrift::drift {

// The health word or page term `event` carries, or "" when none. Event names are split into
// lower-case words at punctuation, spaces and camelCase humps; a page term must appear as whole
// words. Generic page terms ("appointment", "patient", "clinic") are not health on their own.
std::string health_term_in(std::string_view event, const std::vector<std::string>& page_terms);

// The words of a name, lower case: "bookIVF_Consult-2" -> {"book", "ivf", "consult", "2"}.
std::vector<std::string> name_words(std::string_view name);

}  // namespace tagdrift::drift
