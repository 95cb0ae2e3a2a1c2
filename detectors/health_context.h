// Whether a page is about someone's health, judged from the few places that say what a page is
// about (URL path, title, h1, meta description, form wording), never from body paragraphs.
#pragma once

#include <string>
#include <vector>

#include "detectors/health_lexicon.h"

namespace tagdrift::detectors {

// A page's text by where it was read, as written. Separate texts of one place (two h1s, two
// labels) are joined by kTextBreak.
struct PageTexts {
  std::string path;         // the URL path, percent-decoded
  std::string title;        // <title>
  std::string h1;           // <h1> text
  std::string meta;         // <meta name=description> content
  std::string subheadings;  // <h2> and <h3> text
  std::string form;         // labels, placeholders, names, ids, aria-labels, legends, buttons and
                            // the form's own id, name, aria-label and action path
  bool form_asks_about_health = false;  // a field asks for symptoms or a reason for visit
};

struct HealthVerdict {
  bool health_context = false;
  std::vector<std::string> terms;  // the lexicon terms that decided it, strongest first
};

// How many terms a verdict names at most.
inline constexpr std::size_t kMaxHealthTerms = 10;

// A page is health context when
//  - a strong term is in the URL path; or
//  - a strong term is in the title, an h1, the meta description or a form, unless that place
//    lists three or more categories (a home or services page naming every department); or
//  - a care-intent term (appointment, intake, patient portal) is in the path, title, h1, meta
//    description or a form, and the page is clinical (any weak or strong term anywhere read,
//    or a form asking about health).
// A careers, privacy or other off-topic page (by path, title or h1) needs a strong term in its
// path. Weak words ("health", "clinic", "doctor") never suffice alone.
HealthVerdict judge_health_context(const PageTexts& texts, const HealthLexicon& lexicon);

}  // namespace tagdrift::detectors
