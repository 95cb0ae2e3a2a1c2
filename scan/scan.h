// The scan pipeline: crawl the targets, parse each page once, find its links and its tags.
// The CLI's `scan` command is a thin shell over run_scan().
#pragma once

#include <string>
#include <vector>

#include "crawler/crawl.h"
#include "crawler/crawl_options.h"
#include "crawler/page.h"
#include "detectors/sighting.h"
#include "scan/findings.h"

namespace tagdrift::scan {

struct ScanOptions {
  crawler::CrawlOptions crawl;
  std::string signatures_dir;  // --signatures: adds to or overrides the built-in signatures
};

// One page's outcome and what was found on it.
struct PageResult {
  crawler::Page page;  // body dropped
  detectors::PageDetections detections;
};

struct ScanResult {
  std::vector<PageResult> pages;  // every page outcome, sorted by URL
  Findings findings;              // the pages' sightings, one entry per tag identity
  crawler::CrawlSummary summary;
  std::size_t scripts_fetched = 0;  // tag-manager containers and bundles read for detection
  std::string started_at;           // UTC, ISO 8601
  std::string finished_at;          // UTC, ISO 8601
};

// Throws Error for what ends the command (bad options, bad signatures); page failures are in
// the pages.
ScanResult run_scan(const ScanOptions& options);

}  // namespace tagdrift::scan
