#include "scan/page_analysis.h"

#include <stdexcept>
#include <utility>

#include "crawler/links.h"
#include "detectors/html_analysis.h"
#include "util/sha256.h"

namespace tagdrift::scan {
namespace {

void parse_and_detect(const crawler::Page& page, const PageAnalyser& analyser,
                      PageAnalysis& analysis) {
  const auto read_links = [&](const GumboNode& root) {
    analysis.links = crawler::extract_links(&root, page.final_url, analyser.max_links);
  };
  detectors::HtmlAnalysis html = detectors::analyse_html(
      {page.body, page.final_url, page.template_source}, analyser.lexicon, read_links);
  analysis.context = std::move(html.context);
  analysis.detections = analyser.detector.detect(html.places, page.final_url, analyser.fetcher);
}

// Takes the last scan's results of `prior` for the analysis; false when its links are damaged.
bool reuse(const storage::PriorPageHead& prior, const Rescan& rescan, PageAnalysis& analysis) {
  storage::ReusedPage page = rescan.read(prior);
  if (!page.links) return false;
  analysis.links = std::move(*page.links);
  analysis.reused = ReusedResults{std::move(page),
                                  rescan.sightings(prior),
                                  rescan.unread(rescan.text(prior.url)),
                                  rescan.text(prior.body_hash),
                                  rescan.text(prior.etag),
                                  rescan.text(prior.last_modified),
                                  prior.extract_id};
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
