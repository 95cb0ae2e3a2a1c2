#include "drift/sighting_fold.h"

#include <algorithm>
#include <unordered_map>

#include "drift/name_list.h"

namespace tagdrift::drift {
namespace {

using storage::SightingRecord;

// Pages by the URL sightings name them with: as requested, or else as redirected to.
std::unordered_map<std::string_view, const ReportPage*> index_pages(
    const std::vector<ReportPage>& pages) {
  std::unordered_map<std::string_view, const ReportPage*> index;
  for (const ReportPage& page : pages) index.emplace(*page.final_url, &page);
  for (const ReportPage& page : pages) index[*page.url] = &page;
  return index;
}

void add_health(FindingPage& page, const ReportPage& record) {
  page.health_context = record.health_context;
  page.health_terms = record.health_terms;
  page.collects_pii = record.collects_pii;
}

Finding start_finding(SightingRecord& sighting) {
  Finding finding;
  finding.key = sighting.key;
  finding.signature = std::move(sighting.signature_id);
  finding.vendor = std::move(sighting.vendor);
  finding.product = std::move(sighting.product);
  finding.category = std::move(sighting.category);
  finding.tag_id = std::move(sighting.tag_id);
  return finding;
}

}  // namespace

FindingPage SightingFold::start_page(SightingRecord& sighting) {
  FindingPage page;
  page.url = texts_.intern(std::move(sighting.page_url));
  page.consent_gated = sighting.consent_gated;
  if (detail_ == PageDetail::kGatingOnly) return page;
  page.via = texts_.intern(std::move(sighting.via));
  page.evidence = texts_.intern(std::move(sighting.evidence));
  page.line = sighting.line;
  page.container = containers_.intern(std::move(sighting.container));
  return page;
}

void SightingFold::add_names(SharedNames& names, const std::vector<std::string>& more) {
  const bool all_there = std::all_of(
      more.begin(), more.end(), [&](const std::string& name) { return contains(*names, name); });
  if (all_there) return;
  std::vector<std::string> grown = *names;
  append_unique(grown, more);
  names = names_.intern(std::move(grown));
}

void SightingFold::add_to_page(FindingPage& page, const SightingRecord& sighting) {
  page.consent_gated = page.consent_gated && sighting.consent_gated;
  if (detail_ == PageDetail::kGatingOnly) return;
  if (!contains(*page.where, sighting.place)) add_names(page.where, {sighting.place});
  add_names(page.events, sighting.events);
  add_names(page.enhanced_match, sighting.enhanced_match);
}

ReportPage SightingFold::keep_page(const storage::PageRecord& page) {
  return report_page(page, texts_, names_);
}

void SightingFold::add(SightingRecord sighting) {
  if (sighting.commented) {
    CommentedTag& tag = commented_[sighting.key];
    tag.key = sighting.key;
    tag.vendor = sighting.vendor;
    tag.tag_id = sighting.tag_id;
    append_unique(tag.pages, sighting.page_url);
    return;
  }
  auto [it, fresh] = findings_.try_emplace(sighting.key);
  FindingBuilder& builder = it->second;
  if (fresh) builder.finding = start_finding(sighting);
  append_unique(builder.finding.events, sighting.events);
  append_unique(builder.finding.enhanced_match, sighting.enhanced_match);
  auto page = builder.pages.find(sighting.page_url);
  if (page == builder.pages.end()) {
    FindingPage started = start_page(sighting);
    // The key views the interned URL, which the page holds and which never moves.
    const std::string_view url = *started.url;
    page = builder.pages.emplace(url, std::move(started)).first;
  } else if (detail_ == PageDetail::kFull) {
    // The first via, and the first container origin, on a page are kept.
    if (page->second.via->empty()) page->second.via = texts_.intern(sighting.via);
    if (page->second.container.empty()) {
      page->second.container = containers_.intern(sighting.container);
    }
  }
  add_to_page(page->second, sighting);
}

std::vector<Finding> SightingFold::take_findings(const std::vector<ReportPage>& pages) {
  const auto page_index = index_pages(pages);
  std::vector<Finding> findings;
  findings.reserve(findings_.size());
  for (auto& [key, builder] : findings_) {
    Finding& finding = findings.emplace_back(std::move(builder.finding));
    finding.consent_gated = !builder.pages.empty();
    finding.pages.reserve(builder.pages.size());
    while (!builder.pages.empty()) {
      // Each page leaves the map as it is taken, so the fold never holds a page twice.
      auto node = builder.pages.extract(builder.pages.begin());
      FindingPage& page = finding.pages.emplace_back(std::move(node.mapped()));
      finding.consent_gated = finding.consent_gated && page.consent_gated;
      if (detail_ == PageDetail::kGatingOnly) continue;
      if (auto record = page_index.find(*page.url); record != page_index.end()) {
        add_health(page, *record->second);
      }
    }
  }
  findings_.clear();
  texts_ = {};
  names_ = {};
  containers_ = {};
  return findings;
}

std::vector<CommentedTag> SightingFold::take_commented() {
  std::vector<CommentedTag> out;
  out.reserve(commented_.size());
  for (auto& [key, tag] : commented_) {
    std::sort(tag.pages.begin(), tag.pages.end());
    out.push_back(std::move(tag));
  }
  commented_.clear();
  return out;
}

}  // namespace tagdrift::drift
