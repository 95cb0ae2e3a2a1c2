// What the parse workers do with one page body: reuse the last scan's results when the page has
// not changed, else parse it once and take its links, its tags and its health context from the
// same tree.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "crawler/page.h"
#include "detectors/detector.h"
#include "detectors/page_context.h"
#include "detectors/script_fetcher.h"
#include "detectors/sighting.h"
#include "scan/rescan.h"
#include "storage/prior_scan.h"

namespace tagdrift::scan {

// What the last scan kept of an unchanged page, standing for this scan's analysis of it.
struct ReusedResults {
  storage::ReusedPage page;  // its links moved to PageAnalysis::links
  std::vector<storage::SightingRecord> sightings;
  std::vector<storage::UnreadScriptRecord> unread;
  std::string body_hash, etag, last_modified;
  std::int64_t extract_id = 0;
};

struct PageAnalysis {
  std::vector<std::string> links;
  detectors::PageDetections detections;
  detectors::PageContext context;
  std::string body_hash;                // empty after a 304
  std::optional<ReusedResults> reused;  // set: the earlier scan's results stand
};

// What analysis needs besides the page; all of it shared by every worker.
struct PageAnalyser {
  const detectors::Detector& detector;
  const detectors::HealthLexicon& lexicon;
  detectors::ScriptFetcher* fetcher;
  std::size_t max_links;
  const Rescan& rescan;
  bool hash_bodies;  // only a scan written to history needs body hashes (for the next scan)
};

// Throws when a 304 arrives for a page with nothing to reuse (the crawl records it as the page's
// error).
PageAnalysis analyse_page(const crawler::Page& page, const PageAnalyser& analyser);

}  // namespace tagdrift::scan
