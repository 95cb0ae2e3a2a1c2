// The scan pipeline: crawl the targets, parse each page once, find its links and its tags, and
// hand every page to the history as it completes. The CLI's `scan` command is a shell over it.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "crawler/crawl.h"
#include "crawler/crawl_options.h"
#include "drift/changes.h"
#include "drift/drift.h"
#include "storage/database.h"
#include "storage/history_records.h"

namespace tagdrift::scan {

struct ScanOptions {
  crawler::CrawlOptions crawl;
  std::string signatures_dir;       // --signatures: adds to or overrides the built-in ones
  std::string health_terms_file;    // --health-terms: extends the health lexicon
  std::vector<std::string> redact;  // --redact parameter-name patterns; empty = defaults
  bool full = false;                // --full: a cold scan that reuses nothing from the last one
};

struct ScanResult {
  // What drift reads of this scan: the header, the pages without what only the history and a
  // rescan need (extracts, validators), and the sightings folded into findings (URLs redacted).
  drift::FoldedScan contents;
  crawler::CrawlSummary summary;
  std::size_t scripts_fetched = 0;  // tag-manager containers and bundles read for detection
  std::size_t pages_reused = 0;     // unchanged since the last scan: its results were reused
  // The last complete scan as drift compares with it, when a rescan read that scan anyway.
  std::optional<drift::Previous> previous;
};

// Crawls and detects. With a database, a page unchanged since the site's last complete scan
// (a 304 to a conditional request, or the same body) reuses that scan's results unparsed, unless
// options.full; drift comes out the same as a cold scan's. With a database, the scan is written as
// it runs and marked complete at the end; contents.scan.id is its id. Throws Error for what ends
// the command (bad options, signatures, an unwritable database); page failures are data in the
// pages.
ScanResult run_scan(const ScanOptions& options, storage::Database* db);

}  // namespace tagdrift::scan
