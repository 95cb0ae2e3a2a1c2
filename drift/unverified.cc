#include "drift/unverified.h"

#include <algorithm>
#include <map>
#include <set>

namespace tagdrift::drift {
namespace {

bool gone(int status) { return status == 404 || status == 410; }

bool failed(int status, const std::string& error, const std::string& skipped) {
  return !error.empty() || !skipped.empty() || status >= 400;
}

void add_page(UnverifiedTag& tag, const std::string& url) {
  if (std::find(tag.pages.begin(), tag.pages.end(), url) == tag.pages.end()) {
    tag.pages.push_back(url);
  }
}

}  // namespace

bool carries_forward(const storage::PageRecord& page) {
  return failed(page.status, page.error, page.skipped) && !gone(page.status);
}

bool carries_forward(const ReportPage& page) {
  return failed(page.status, *page.error, *page.skipped) && !gone(page.status);
}

bool script_carries_forward(const std::string& error) {
  return !error.empty() && error != "HTTP 404" && error != "HTTP 410";
}

SplitSightings split_carried(const storage::ScanContents& scan) {
  std::set<std::string> pages, scripts;
  for (const storage::PageRecord& page : scan.pages) {
    if (carries_forward(page)) pages.insert(page.url);
  }
  for (const storage::ScriptRecord& script : scan.scripts) {
    if (script_carries_forward(script.error)) scripts.insert(script.url);
  }
  SplitSightings split;
  for (const storage::SightingRecord& sighting : scan.sightings) {
    const bool carried = pages.count(sighting.page_url) > 0 ||
                         (!sighting.via.empty() && scripts.count(sighting.via) > 0);
    (carried ? split.carried : split.seen).push_back(sighting);
  }
  return split;
}

std::vector<TargetFailure> stored_target_failures(const storage::ScanContents& scan) {
  std::vector<TargetFailure> failures;
  if (scan.scan.complete) return failures;
  for (const storage::PageRecord& page : scan.pages) {
    if (page.found_by != "seed" || page.depth != 0) continue;
    if (!page.error.empty()) failures.push_back({page.url, page.error});
    if (page.error.empty() && !page.skipped.empty()) failures.push_back({page.url, page.skipped});
  }
  if (failures.empty()) failures.push_back({scan.scan.target, "the scan did not finish"});
  return failures;
}

std::vector<UnverifiedTag> unverified_tags(const std::vector<storage::SightingRecord>& carried,
                                           const Previous* previous,
                                           const std::vector<Finding>& findings,
                                           bool nothing_verified) {
  std::map<std::string, UnverifiedTag> tags;
  for (const storage::SightingRecord& sighting : carried) {
    if (sighting.commented) continue;
    auto [it, added] = tags.try_emplace(sighting.key);
    if (added) it->second = {sighting.key, sighting.vendor, sighting.tag_id, {}};
    add_page(it->second, sighting.page_url);
  }
  if (nothing_verified && previous != nullptr) {
    std::set<std::string> present;
    for (const Finding& finding : findings) present.insert(finding.key);
    for (const PreviousFinding& old : previous->findings) {
      if (present.count(old.key) > 0 || tags.count(old.key) > 0) continue;
      UnverifiedTag& tag = tags[old.key] = {old.key, old.vendor, old.tag_id, {}};
      for (const PreviousPage& page : old.pages) add_page(tag, *page.url);
    }
  }
  std::vector<UnverifiedTag> out;
  for (auto& [key, tag] : tags) {
    std::sort(tag.pages.begin(), tag.pages.end());
    out.push_back(std::move(tag));
  }
  return out;
}

}  // namespace tagdrift::drift
