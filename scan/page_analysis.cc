#include "scan/page_analysis.h"

#include "crawler/links.h"
#include "detectors/html_tree.h"
#include "detectors/places.h"
#include "detectors/template_text.h"

namespace tagdrift::scan {

PageAnalysis analyse_page(const crawler::Page& page, const detectors::Detector& detector,
                          const detectors::HealthLexicon& lexicon,
                          detectors::ScriptFetcher* fetcher, std::size_t max_links) {
  PageAnalysis analysis;
  std::vector<detectors::Place> places;
  if (detectors::looks_like_template(page.body)) {
    // Raw templates are masked before parsing; rare enough (source folders) to parse twice.
    places = detectors::extract_places_from_html(page.body, page.final_url);
    detectors::GumboOutputPtr tree = detectors::parse_html(page.body);
    analysis.links = crawler::extract_links(tree->root, page.final_url, max_links);
    analysis.context = detectors::analyse_page_context(tree->root, page.final_url, lexicon);
  } else {
    detectors::GumboOutputPtr tree = detectors::parse_html(page.body);
    analysis.links = crawler::extract_links(tree->root, page.final_url, max_links);
    places = detectors::extract_places(tree->root, page.final_url);
    analysis.context = detectors::analyse_page_context(tree->root, page.final_url, lexicon);
  }
  analysis.detections = detector.detect(places, page.final_url, fetcher);
  return analysis;
}

}  // namespace tagdrift::scan
