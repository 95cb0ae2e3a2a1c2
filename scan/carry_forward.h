// Carrying forward: a page or script this scan could not read keeps the sightings the site's last
// complete scan had there, so that a page that failed is never taken for a page without tags
// (drift/unverified.h reads them back as "not verified").
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "scan/page_rows.h"
#include "storage/database.h"

namespace tagdrift::scan {

// A page whose rows wait for the sightings carried forward to it.
struct HeldPage {
  PageRows rows;
  bool whole_page = false;                  // the page failed: carry all its sightings
  std::vector<std::string> failed_scripts;  // else only those through these scripts
};

// Adds to each held page the sightings the last complete scan of `site` before `scan_id` had
// on it (named by the page's URL), and returns every sighting it added. Pages the last scan did
// not fetch get none.
std::vector<storage::SightingRecord> carry_forward(const storage::Database& db,
                                                   const std::string& site, std::int64_t scan_id,
                                                   std::vector<HeldPage>& held);

}  // namespace tagdrift::scan
