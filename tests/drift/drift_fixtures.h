// Hand-built stored scans for the drift tests: pages by path on one clinic site, and sightings
// whose vendor, product and category follow from the key ("pinterest:..." is an ad tag).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "drift/report_model.h"
#include "storage/history_records.h"

namespace tagdrift::testing {

inline constexpr const char* kSite = "https://www.clinic.test";

// The vendors the drift tests' policies may name (the real ones are the signatures' vendors).
inline const std::vector<std::string> kPolicyVendors = {"google-analytics", "meta", "onetrust",
                                                        "pinterest", "tiktok"};

inline std::string url_of(const std::string& path) { return std::string(kSite) + path; }

inline storage::PageRecord page_at(const std::string& path, std::vector<std::string> terms = {},
                                   std::vector<std::string> pii = {}) {
  storage::PageRecord page;
  page.url = url_of(path);
  page.final_url = page.url;
  page.status = 200;
  page.health_context = !terms.empty();
  page.health_terms = std::move(terms);
  page.collects_pii = std::move(pii);
  return page;
}

// Pages as a scan keeps them for its report.
inline std::vector<drift::ReportPage> report_pages(const std::vector<storage::PageRecord>& pages) {
  std::vector<drift::ReportPage> out;
  for (const storage::PageRecord& page : pages) out.push_back(drift::report_page(page));
  return out;
}

struct VendorFacts {
  const char* vendor;
  const char* product;
  const char* category;
};

inline VendorFacts facts_of(const std::string& vendor) {
  static const VendorFacts kFacts[] = {
      {"pinterest", "Pinterest Tag", "advertising"},
      {"meta", "Meta Pixel", "advertising"},
      {"tiktok", "TikTok Pixel", "advertising"},
      {"linkedin", "LinkedIn Insight Tag", "advertising"},
      {"google-ads", "Google Ads", "advertising"},
      {"google-analytics", "Google Analytics (gtag.js)", "analytics"},
      {"hotjar", "Hotjar", "session-replay"},
      {"hubspot", "HubSpot", "marketing-automation"},
      {"google-tag-manager", "Google Tag Manager", "tag-manager"},
      {"onetrust", "OneTrust Cookie Consent", "consent"},
      {"intercom", "Intercom Messenger", "chat"},
      {"unknown", "", "other"},
  };
  for (const VendorFacts& facts : kFacts) {
    if (vendor == facts.vendor) return facts;
  }
  return {"", "", "other"};
}

// A live, ungated script-inline sighting of `key` on the page at `path`.
inline storage::SightingRecord tag_at(const std::string& key, const std::string& path) {
  storage::SightingRecord s;
  s.key = key;
  s.vendor = key.substr(0, key.find(':'));
  s.tag_id = s.vendor == "unknown" ? "" : key.substr(key.find(':') + 1);
  VendorFacts facts = facts_of(s.vendor);
  s.signature_id = s.vendor + "-tag";
  s.product = facts.product;
  s.category = facts.category;
  s.page_url = url_of(path);
  s.place = s.vendor == "unknown" ? "script-src" : "script-inline";
  s.evidence = "<script>" + key + "</script>";
  s.line = 10;
  return s;
}

inline storage::SightingRecord gated(storage::SightingRecord s) {
  s.consent_gated = true;
  return s;
}

inline storage::SightingRecord with_events(storage::SightingRecord s,
                                           std::vector<std::string> events) {
  s.events = std::move(events);
  return s;
}

inline storage::SightingRecord with_matching(storage::SightingRecord s,
                                             std::vector<std::string> fields) {
  s.enhanced_match = std::move(fields);
  return s;
}

inline storage::ScanContents scan_of(std::int64_t id, std::vector<storage::PageRecord> pages,
                                     std::vector<storage::SightingRecord> sightings) {
  storage::ScanContents scan;
  scan.scan.id = id;
  scan.scan.site = kSite;
  scan.scan.target = std::string(kSite) + "/";
  scan.scan.complete = true;
  scan.pages = std::move(pages);
  scan.sightings = std::move(sightings);
  return scan;
}

// The finding with `key` in a report, or null.
inline const drift::Finding* finding_of(const drift::Report& report, const std::string& key) {
  for (const drift::Finding& finding : report.findings) {
    if (finding.key == key) return &finding;
  }
  return nullptr;
}

}  // namespace tagdrift::testing
