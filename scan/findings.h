// Findings: a scan's sightings folded into one entry per tag identity (vendor + account ID, or
// vendor + host), with every page and place it was seen on. What reports and drift work with.
#pragma once

#include <string>
#include <vector>

#include "detectors/sighting.h"

namespace tagdrift::scan {

struct PageResult;

struct FindingPage {
  std::string url;
  std::vector<std::string> where;  // place kinds ("script-inline", "noscript-img", ...)
  std::string via;                 // the fetched script it came from, if any
  bool consent_gated = false;      // gated everywhere on this page
  std::string evidence;            // first evidence snippet on this page
  unsigned line = 0;
};

struct Finding {
  std::string key;  // identity_key(): "pinterest:2612345678901", "unknown:cdn.example.net"
  std::string signature_id, vendor, product, category, tag_id;
  bool consent_gated = false;  // gated on every page it appears on
  std::vector<std::string> events;
  std::vector<std::string> enhanced_match;
  std::vector<FindingPage> pages;  // sorted by URL
};

struct CommentedTag {
  std::string key, vendor, tag_id;
  std::vector<std::string> pages;
};

struct Findings {
  std::vector<Finding> active;  // known vendors and unknown third parties, sorted by key
  std::vector<CommentedTag> commented;
};

Findings collect_findings(const std::vector<PageResult>& pages);

}  // namespace tagdrift::scan
