// Converts what the crawl and the detectors produced into the plain records that storage keeps
// and drift reads, with secrets masked in every URL.
#pragma once

#include <string>
#include <vector>

#include "crawler/page.h"
#include "detectors/sighting.h"
#include "storage/records.h"

namespace tagdrift::scan {

// `redact` are parameter-name patterns (storage/redact.h); empty means the defaults.
storage::PageRecord to_page_record(const crawler::Page& page,
                                   const std::vector<std::string>& redact);

// Active, unknown and commented sightings of one page, in that order.
std::vector<storage::SightingRecord> to_sighting_records(
    const detectors::PageDetections& detections, const std::vector<std::string>& redact);

// The site a scan belongs to in the history: the first target's origin, or the --base-url
// origin for a directory target.
std::string site_key(const std::vector<std::string>& targets, const std::string& base_url);

}  // namespace tagdrift::scan
