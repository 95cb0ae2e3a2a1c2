#include "scan/carry_forward.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "storage/history.h"

namespace tagdrift::scan {
namespace {

bool wanted(const HeldPage& page, const storage::SightingRecord& sighting) {
  if (page.whole_page) return true;
  return std::find(page.failed_scripts.begin(), page.failed_scripts.end(), sighting.via) !=
         page.failed_scripts.end();
}

}  // namespace

std::vector<storage::SightingRecord> carry_forward(const storage::Database& db,
                                                   const std::string& site, std::int64_t scan_id,
                                                   std::vector<HeldPage>& held) {
  std::vector<storage::SightingRecord> carried;
  if (held.empty()) return carried;
  storage::History history(db);
  auto last = history.last_complete_scan(site, scan_id);
  if (!last) return carried;
  std::unordered_map<std::string, HeldPage*> by_url;
  for (HeldPage& page : held) by_url.emplace(page.rows.page.url, &page);
  // A sighting names its page by the URL requested or the URL redirected to.
  std::unordered_map<std::string, HeldPage*> by_sighting_url;
  history.for_each_record(
      last->id,
      [&](storage::PageRecord page) {
        auto found = by_url.find(page.url);
        if (found == by_url.end()) return;
        by_sighting_url.emplace(page.url, found->second);
        if (!page.final_url.empty()) by_sighting_url.emplace(page.final_url, found->second);
      },
      [&](storage::SightingRecord sighting) {
        auto found = by_sighting_url.find(sighting.page_url);
        if (found == by_sighting_url.end() || !wanted(*found->second, sighting)) return;
        sighting.page_url = found->second->rows.page.url;
        carried.push_back(sighting);
        found->second->rows.sightings.push_back(std::move(sighting));
      });
  return carried;
}

}  // namespace tagdrift::scan
