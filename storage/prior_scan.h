// What a rescan may reuse from the last complete scan of its site: each reusable page's
// validators, extract, health context and sightings, and the scripts that scan fetched.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "storage/database.h"
#include "storage/records.h"

namespace tagdrift::storage {

struct PriorPage {
  PageRecord page;         // page.extract is always set, with its id and scripts but no links
  std::string links_json;  // the links, as stored: parsed only when the page is reused, since
                           // a site's links held as strings would cost more than all else here
  std::vector<SightingRecord> sightings;
};

struct PriorScan {
  ScanRecord scan;
  std::unordered_map<std::string, PriorPage> pages;       // by page URL
  std::unordered_map<std::string, ScriptRecord> scripts;  // by script URL
};

// The pages of `scan` that kept an extract (fetched, parsed, no secret in their links), with
// their sightings, read in one snapshot.
PriorScan load_prior_scan(const Database& db, const ScanRecord& scan);

}  // namespace tagdrift::storage
