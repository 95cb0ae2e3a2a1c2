// A page of a scan as drift and the report read it: the page record without what only the
// history and a rescan need (validators, extract, fetch details), its strings shared values. A
// report lists every page of the site, so this is what a scan keeps of each page until the end.
#pragma once

#include "drift/interned.h"
#include "storage/history_records.h"

namespace tagdrift::drift {

struct ReportPage {
  SharedText url, final_url;
  int status = 0;
  int depth = 0;
  SharedText found_by;  // "seed", "link" or "sitemap"
  SharedText error, skipped;
  bool health_context = false;
  bool reused = false;  // unchanged since the last scan: not parsed again
  SharedText file;      // a directory target's page: its file ("public/about/index.html")
  SharedNames health_terms, collects_pii;
};

// The report's view of `page`, its strings made by `texts` and `names` (shared with every equal
// value they made before).
ReportPage report_page(const storage::PageRecord& page, TextPool& texts, NamesPool& names);

// The same, with strings of its own: for pages built by hand.
ReportPage report_page(const storage::PageRecord& page);

}  // namespace tagdrift::drift
