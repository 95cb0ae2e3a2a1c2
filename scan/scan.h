// The scan pipeline: crawl the targets, parse each page once, and collect what the later
// stages need. The CLI's `scan` command is a thin shell over run_scan().
#pragma once

#include <string>
#include <vector>

#include "crawler/crawl.h"
#include "crawler/crawl_options.h"
#include "crawler/page.h"

namespace tagdrift::scan {

struct ScanOptions {
  crawler::CrawlOptions crawl;
};

struct ScanResult {
  std::vector<crawler::Page> pages;  // every page outcome, bodies dropped, sorted by URL
  crawler::CrawlSummary summary;
  std::string started_at;   // UTC, ISO 8601
  std::string finished_at;  // UTC, ISO 8601
};

// Throws Error for what ends the command (bad options); page failures are in the pages.
ScanResult run_scan(const ScanOptions& options);

}  // namespace tagdrift::scan
