// The history across every site it holds: which vendor and tag ID runs on which site
// (`tags --all-sites`) and where each site's history stands (`history --all-sites`).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/history.h"

namespace tagdrift::fleet {

// A site a tag runs on: live on `pages` pages of the site's last complete scan.
struct TagOnSite {
  std::string site;
  std::int64_t pages = 0;
  std::string first_seen;
  bool approved = false;
};

// One vendor's tag ID and every site it runs on, sites sorted.
struct FleetTag {
  std::string key, vendor, product, category, tag_id;
  std::vector<TagOnSite> sites;
};

// Tags live in each site's last complete scan, most widespread first, then by key. A tag seen
// only inside comments, or not in that scan any more, runs nowhere.
std::vector<FleetTag> tags_across_sites(const storage::History& history);

// One site's history at a glance.
struct SiteState {
  std::string site;
  std::int64_t scans = 0;
  storage::ScanRecord latest;                      // its newest scan, complete or not
  std::optional<std::int64_t> last_complete_scan;  // what the next scan compares with
  std::string last_complete_at;                    // its start time
};

// Every site with a scan, sorted by site key.
std::vector<SiteState> site_states(const storage::History& history);

}  // namespace tagdrift::fleet
