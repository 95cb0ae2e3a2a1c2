// The health lens on one parsed page: whether the page is about someone's health and which
// personal data its forms collect, so a tag on it can be judged for what it may leak.
#pragma once

#include <gumbo.h>

#include <string>
#include <string_view>
#include <vector>

#include "detectors/health_lexicon.h"

namespace tagdrift::detectors {

struct PageContext {
  bool health_context = false;
  std::vector<std::string> health_terms;  // the lexicon terms that decided it, at most 10
  std::vector<std::string> collects_pii;  // "email", "phone", "name", "date-of-birth",
                                          // "address", "insurance-id", "symptoms", "ssn"
};

// Reads the URL path (words split on / - _ and other punctuation), <title>, h1-h3, <meta
// name=description>, and form fields, labels and form attributes, in one walk without recursion;
// body paragraphs are not read. `page_url` is absolute or a bare path.
PageContext analyse_page_context(const GumboNode* root, std::string_view page_url,
                                 const HealthLexicon& lexicon = HealthLexicon::builtin());

}  // namespace tagdrift::detectors
