// What the parse workers do with one page body: parse it once, then take its links, its tags
// and its health context from the same tree.
#pragma once

#include <string>
#include <vector>

#include "crawler/page.h"
#include "detectors/detector.h"
#include "detectors/page_context.h"
#include "detectors/script_fetcher.h"
#include "detectors/sighting.h"

namespace tagdrift::scan {

struct PageAnalysis {
  std::vector<std::string> links;
  detectors::PageDetections detections;
  detectors::PageContext context;
};

PageAnalysis analyse_page(const crawler::Page& page, const detectors::Detector& detector,
                          const detectors::HealthLexicon& lexicon,
                          detectors::ScriptFetcher* fetcher, std::size_t max_links);

}  // namespace tagdrift::scan
