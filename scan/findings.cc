#include "scan/findings.h"

#include <algorithm>
#include <map>

#include "scan/scan.h"

namespace tagdrift::scan {
namespace {

void add_unique(std::vector<std::string>& into, const std::vector<std::string>& items) {
  for (const auto& item : items) {
    if (std::find(into.begin(), into.end(), item) == into.end()) into.push_back(item);
  }
}

FindingPage& page_entry(Finding& finding, const std::string& url, bool gated) {
  for (auto& page : finding.pages) {
    if (page.url == url) return page;
  }
  finding.pages.push_back({url, {}, {}, gated, {}, 0});
  return finding.pages.back();
}

void fold(Finding& finding, const detectors::Sighting& sighting) {
  if (finding.key.empty()) {
    finding.key = detectors::identity_key(sighting);
    finding.signature_id = sighting.signature_id;
    finding.vendor = sighting.vendor;
    finding.product = sighting.product;
    finding.category = sighting.category;
    finding.tag_id = sighting.tag_id;
    finding.consent_gated = true;
  }
  add_unique(finding.events, sighting.events);
  add_unique(finding.enhanced_match, sighting.enhanced_match);
  FindingPage& page = page_entry(finding, sighting.page_url, sighting.consent_gated);
  std::string where = detectors::place_kind_name(sighting.place);
  add_unique(page.where, {where});
  page.consent_gated = page.consent_gated && sighting.consent_gated;
  if (page.via.empty()) page.via = sighting.via;
  if (page.evidence.empty()) {
    page.evidence = sighting.evidence;
    page.line = sighting.line;
  }
}

void finish(Finding& finding) {
  std::sort(finding.pages.begin(), finding.pages.end(),
            [](const FindingPage& a, const FindingPage& b) { return a.url < b.url; });
  finding.consent_gated = std::all_of(finding.pages.begin(), finding.pages.end(),
                                      [](const FindingPage& page) { return page.consent_gated; });
}

}  // namespace

Findings collect_findings(const std::vector<PageResult>& pages) {
  std::map<std::string, Finding> active;
  std::map<std::string, CommentedTag> commented;
  for (const auto& page : pages) {
    for (const auto* list : {&page.detections.active, &page.detections.unknown}) {
      for (const auto& sighting : *list) fold(active[detectors::identity_key(sighting)], sighting);
    }
    for (const auto& sighting : page.detections.commented) {
      CommentedTag& tag = commented[detectors::identity_key(sighting)];
      tag.key = detectors::identity_key(sighting);
      tag.vendor = sighting.vendor;
      tag.tag_id = sighting.tag_id;
      add_unique(tag.pages, {sighting.page_url});
    }
  }
  Findings findings;
  for (auto& [key, finding] : active) {
    finish(finding);
    findings.active.push_back(std::move(finding));
  }
  for (auto& [key, tag] : commented) findings.commented.push_back(std::move(tag));
  return findings;
}

}  // namespace tagdrift::scan
