#include "scan/page_analysis.h"

#include <stdexcept>

#include "crawler/links.h"
#include "detectors/html_tree.h"
#include "detectors/places.h"
#include "detectors/template_text.h"
#include "util/sha256.h"

namespace tagdrift::scan {
namespace {

void parse_and_detect(const crawler::Page& page, const PageAnalyser& analyser,
                      PageAnalysis& analysis) {
  std::vector<detectors::Place> places;
  if (detectors::looks_like_template(page.body)) {
    // Raw templates are masked before parsing; rare enough (source folders) to parse twice.
    places = detectors::extract_places_from_html(page.body, page.final_url);
    detectors::GumboOutputPtr tree = detectors::parse_html(page.body);
    analysis.links = crawler::extract_links(tree->root, page.final_url, analyser.max_links);
    analysis.context =
        detectors::analyse_page_context(tree->root, page.final_url, analyser.lexicon);
  } else {
    detectors::GumboOutputPtr tree = detectors::parse_page_html(page.body);
    analysis.links = crawler::extract_links(tree->root, page.final_url, analyser.max_links);
    places = detectors::extract_places(tree->root, page.final_url);
    analysis.context =
        detectors::analyse_page_context(tree->root, page.final_url, analyser.lexicon);
  }
  analysis.detections = analyser.detector.detect(places, page.final_url, analyser.fetcher);
}

// Takes the last scan's results of `prior` for the analysis; false when its links are damaged.
bool reuse(const storage::PriorPageHead& prior, const Rescan& rescan, PageAnalysis& analysis) {
  storage::ReusedPage page = rescan.read(prior);
  if (!page.links) return false;
  analysis.links = std::move(*page.links);
  analysis.reused = ReusedResults{
      std::move(page),         rescan.sightings(prior),          rescan.text(prior.body_hash),
      rescan.text(prior.etag), rescan.text(prior.last_modified), prior.extract_id};
  return true;
}

}  // namespace

PageAnalysis analyse_page(const crawler::Page& page, const PageAnalyser& analyser) {
  PageAnalysis analysis;
  if (analyser.hash_bodies && !page.not_modified) analysis.body_hash = sha256_hex(page.body);
  const storage::PriorPageHead* prior = analyser.rescan.reusable(page, analysis.body_hash);
  if (prior != nullptr) {
    if (reuse(*prior, analyser.rescan, analysis)) return analysis;
    // Damaged links: a fetched body is analysed afresh; after a 304 there is none.
    if (page.not_modified)
      throw std::runtime_error("the last scan's links of this page are damaged");
  }
  if (page.not_modified) {
    throw std::runtime_error("HTTP 304 Not Modified, but the last scan kept nothing to reuse");
  }
  parse_and_detect(page, analyser, analysis);
  return analysis;
}

}  // namespace tagdrift::scan
