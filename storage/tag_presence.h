// Which scans of a site each tag identity was live in (not only commented out): what a report's
// timeline of tags is drawn from.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "storage/database.h"

namespace tagdrift::storage {

struct TagPresence {
  std::string key, vendor, product, tag_id;
  std::vector<std::int64_t> scans;  // ids of the scans it was live in, oldest first
};

// Every tag of `site` live in at least one of its scans up to `up_to_scan`, sorted by key. One
// index seek per tag and scan: it reads no sighting beyond the first live one.
std::vector<TagPresence> tag_presence(
    const Database& db, const std::string& site,
    std::int64_t up_to_scan = std::numeric_limits<std::int64_t>::max());

}  // namespace tagdrift::storage
