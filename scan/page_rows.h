// Converts what the crawl and the detectors produced into the plain records that storage keeps
// and drift reads, with secrets masked in every URL.
#pragma once

#include <string>
#include <vector>

#include "crawler/page.h"
#include "detectors/sighting.h"
#include "scan/page_analysis.h"
#include "storage/history_records.h"

namespace tagdrift::scan {

// `redact` are parameter-name patterns (storage/redact.h); empty means the defaults.
storage::PageRecord to_page_record(const crawler::Page& page,
                                   const std::vector<std::string>& redact);

// Active, unknown and commented sightings of one page, in that order.
std::vector<storage::SightingRecord> to_sighting_records(
    const detectors::PageDetections& detections, const std::vector<std::string>& redact);

// What the history keeps of one page of a scan.
struct PageRows {
  storage::PageRecord page;
  std::vector<storage::SightingRecord> sightings;
};

// The rows of `page` from its analysis; a reused page takes the earlier scan's health context,
// extract and sightings. The extract is kept only for a page that was read without error and
// whose links and scripts carry nothing `redact` would mask (the history never holds a secret,
// and a masked link could not be followed again).
PageRows to_page_rows(const crawler::Page& page, PageAnalysis analysis,
                      const std::vector<std::string>& redact);

// The site a scan belongs to in the history: the first target's origin, or the --base-url
// origin for a directory target.
std::string site_key(const std::vector<std::string>& targets, const std::string& base_url);

}  // namespace tagdrift::scan
