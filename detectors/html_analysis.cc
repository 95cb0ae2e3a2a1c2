#include "detectors/html_analysis.h"

#include "detectors/html_tree.h"
#include "detectors/places.h"
#include "detectors/skimmed_parse.h"
#include "detectors/template_text.h"

namespace tagdrift::detectors {

HtmlAnalysis analyse_html(const HtmlPage& page, const HealthLexicon& lexicon,
                          const TreeReader& read_tree) {
  HtmlAnalysis analysis;
  if (page.template_source && looks_like_template(page.html)) {
    // Rare (source folders): masked for the places, parsed again as it is for the rest.
    analysis.places = extract_places_from_html(page.html, page.url);
    GumboOutputPtr tree = parse_html(page.html);
    if (read_tree) read_tree(*tree->root);
    analysis.context = analyse_page_context(tree->root, page.url, lexicon);
    return analysis;
  }
  GumboOutputPtr tree = parse_page_html(page.html);
  if (read_tree) read_tree(*tree->root);
  analysis.places = extract_places(tree->root, page.url);
  analysis.context = analyse_page_context(tree->root, page.url, lexicon);
  return analysis;
}

}  // namespace tagdrift::detectors
