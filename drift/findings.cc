#include "drift/findings.h"

#include <algorithm>
#include <map>
#include <string>
#include <unordered_map>

#include "drift/name_list.h"

namespace tagdrift::drift {
namespace {

using storage::PageRecord;
using storage::SightingRecord;

// Pages by the URL sightings name them with: as requested, or else as redirected to.
std::unordered_map<std::string, const PageRecord*> index_pages(
    const std::vector<PageRecord>& pages) {
  std::unordered_map<std::string, const PageRecord*> index;
  for (const PageRecord& page : pages) index.emplace(page.final_url, &page);
  for (const PageRecord& page : pages) index[page.url] = &page;
  return index;
}

FindingPage start_page(const SightingRecord& sighting, const PageRecord* record) {
  FindingPage page;
  page.url = sighting.page_url;
  page.via = sighting.via;
  page.consent_gated = sighting.consent_gated;
  page.evidence = sighting.evidence;
  page.line = sighting.line;
  if (record != nullptr) {
    page.health_context = record->health_context;
    page.health_terms = record->health_terms;
    page.collects_pii = record->collects_pii;
  }
  return page;
}

void add_to_page(FindingPage& page, const SightingRecord& sighting) {
  append_unique(page.where, sighting.place);
  if (page.via.empty()) page.via = sighting.via;
  page.consent_gated = page.consent_gated && sighting.consent_gated;
  append_unique(page.events, sighting.events);
  append_unique(page.enhanced_match, sighting.enhanced_match);
}

Finding start_finding(const SightingRecord& sighting) {
  Finding finding;
  finding.key = sighting.key;
  finding.signature = sighting.signature_id;
  finding.vendor = sighting.vendor;
  finding.product = sighting.product;
  finding.category = sighting.category;
  finding.tag_id = sighting.tag_id;
  return finding;
}

struct FindingBuilder {
  Finding finding;
  std::map<std::string, FindingPage> pages;  // by URL, so they come out sorted
};

Finding finish(FindingBuilder& builder) {
  Finding finding = std::move(builder.finding);
  finding.consent_gated = !builder.pages.empty();
  for (auto& [url, page] : builder.pages) {
    finding.consent_gated = finding.consent_gated && page.consent_gated;
    finding.pages.push_back(std::move(page));
  }
  return finding;
}

}  // namespace

std::vector<Finding> collect_findings(const storage::ScanContents& scan) {
  const auto page_index = index_pages(scan.pages);
  std::map<std::string, FindingBuilder> builders;
  for (const SightingRecord& sighting : scan.sightings) {
    if (sighting.commented) continue;
    auto [it, fresh] = builders.try_emplace(sighting.key);
    FindingBuilder& builder = it->second;
    if (fresh) builder.finding = start_finding(sighting);
    append_unique(builder.finding.events, sighting.events);
    append_unique(builder.finding.enhanced_match, sighting.enhanced_match);
    auto page = builder.pages.find(sighting.page_url);
    if (page == builder.pages.end()) {
      auto record = page_index.find(sighting.page_url);
      const PageRecord* found = record == page_index.end() ? nullptr : record->second;
      page = builder.pages.emplace(sighting.page_url, start_page(sighting, found)).first;
    }
    add_to_page(page->second, sighting);
  }
  std::vector<Finding> findings;
  for (auto& [key, builder] : builders) findings.push_back(finish(builder));
  return findings;
}

std::vector<CommentedTag> collect_commented(const storage::ScanContents& scan) {
  std::map<std::string, CommentedTag> tags;
  for (const SightingRecord& sighting : scan.sightings) {
    if (!sighting.commented) continue;
    CommentedTag& tag = tags[sighting.key];
    tag.key = sighting.key;
    tag.vendor = sighting.vendor;
    tag.tag_id = sighting.tag_id;
    append_unique(tag.pages, sighting.page_url);
  }
  std::vector<CommentedTag> out;
  for (auto& [key, tag] : tags) {
    std::sort(tag.pages.begin(), tag.pages.end());
    out.push_back(std::move(tag));
  }
  return out;
}

}  // namespace tagdrift::drift
