#include "fleet/fleet_inventory.h"

#include <algorithm>
#include <map>

namespace tagdrift::fleet {

std::vector<FleetTag> tags_across_sites(const storage::History& history) {
  std::map<std::string, std::int64_t> last_complete;  // site -> its last complete scan
  for (const storage::ScanRecord& scan : history.list_scans()) {
    if (scan.complete) last_complete[scan.site] = scan.id;  // oldest first: the last one wins
  }
  std::map<std::string, FleetTag> by_key;
  for (const storage::TagRecord& tag : history.tags()) {
    auto scan = last_complete.find(tag.site);
    if (scan == last_complete.end() || tag.last_scan != scan->second) continue;
    if (tag.pages_last_scan == 0) continue;  // only inside comments
    FleetTag& entry = by_key[tag.key];
    if (entry.key.empty()) {
      entry = {tag.key, tag.vendor, tag.product, tag.category, tag.tag_id, {}};
    }
    entry.sites.push_back({tag.site, tag.pages_last_scan, tag.first_seen, tag.approved});
  }
  std::vector<FleetTag> tags;
  for (auto& [key, tag] : by_key) {
    std::sort(tag.sites.begin(), tag.sites.end(),
              [](const TagOnSite& a, const TagOnSite& b) { return a.site < b.site; });
    tags.push_back(std::move(tag));
  }
  std::stable_sort(tags.begin(), tags.end(), [](const FleetTag& a, const FleetTag& b) {
    return a.sites.size() > b.sites.size();
  });
  return tags;
}

std::vector<SiteState> site_states(const storage::History& history) {
  std::map<std::string, SiteState> by_site;
  for (storage::ScanRecord& scan : history.list_scans()) {
    SiteState& state = by_site[scan.site];
    state.site = scan.site;
    ++state.scans;
    if (scan.complete) {
      state.last_complete_scan = scan.id;
      state.last_complete_at = scan.started_at;
    }
    state.latest = std::move(scan);  // oldest first: the last one is the newest
  }
  std::vector<SiteState> states;
  for (auto& [site, state] : by_site) states.push_back(std::move(state));
  return states;
}

}  // namespace tagdrift::fleet
