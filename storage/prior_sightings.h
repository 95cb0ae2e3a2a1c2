// The sightings of a prior scan as a rescan keeps them: read on a connection of their own, so
// that a loader can read the scan's pages on another thread meanwhile.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "storage/prior_scan.h"

namespace tagdrift::storage {

// A sighting of a page that may be reused, by the page's row id.
struct PageSighting {
  std::int64_t page_id = 0;
  PriorSighting sighting;
};

// Reads every sighting of scan `scan_id` from the database at `path` (read-only, in one
// snapshot), in the order the scan wrote them, handing each to `visit` when set. Returns those of
// pages that kept an extract and did not fail, their shared parts in `shared`, sorted by page id
// and in order within a page.
std::vector<PageSighting> read_prior_sightings(
    const std::string& path, std::int64_t scan_id, SharedSightings& shared,
    const std::function<void(const SightingRecord&)>& visit);

}  // namespace tagdrift::storage
