#include "detectors/page_context.h"

#include <algorithm>

#include "detectors/health_context.h"
#include "detectors/page_reading.h"
#include "detectors/pii_forms.h"

namespace tagdrift::detectors {

PageContext analyse_page_context(const GumboNode* root, std::string_view page_url,
                                 const HealthLexicon& lexicon) {
  PageReading reading = read_page(root, page_url);
  PageContext context;
  context.collects_pii = pii_kinds(reading.fields);
  reading.texts.form_asks_about_health =
      std::find(context.collects_pii.begin(), context.collects_pii.end(), "symptoms") !=
      context.collects_pii.end();
  HealthVerdict verdict = judge_health_context(reading.texts, lexicon);
  context.health_context = verdict.health_context;
  context.health_terms = std::move(verdict.terms);
  return context;
}

}  // namespace tagdrift::detectors
