// Changes: how one tag's state moved since the previous scan of the site, as report lines.
// A tag is new when the previous scan did not have its key; it changed when it spread to new
// pages, lost consent gating, turned on enhanced matching or started sending new events.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "drift/report_model.h"
#include "drift/url_set.h"

namespace tagdrift::drift {

// A page of a previous finding: all the comparison reads of it.
struct PreviousPage {
  SharedText url;
  bool consent_gated = false;
};

// What the comparison reads of a previous scan's finding: a sixth of a Finding's memory a page.
struct PreviousFinding {
  std::string key, signature, vendor, tag_id;
  bool consent_gated = false;  // gated on every page
  std::vector<std::string> enhanced_match, events;
  std::vector<PreviousPage> pages;  // sorted by URL
};

PreviousFinding previous_finding(Finding finding);

// What the previous scan knew, for comparing findings with it.
struct Previous {
  std::int64_t scan_id = 0;
  std::vector<PreviousFinding> findings;  // sorted by key
  UrlSet fetched;                         // URLs of the pages it fetched fine, sorted
  std::set<std::string> commented;        // keys it saw only in comments
  std::set<std::string> unread;           // URLs of the scripts it could not read in full
  std::string site;                       // for shortening URLs in lines
  std::vector<storage::ContainerRecord> containers;  // the tag-manager containers it decoded
};

// The finding with `key` in `previous`, or null.
const PreviousFinding* find_previous(const Previous& previous, std::string_view key);

// The line saying why a tag not in the previous scan is new: "new vendor on this site", or
// "new account ID for a vendor already on the site (pinterest: 2612…)". `previous` is null when
// there was no previous scan.
std::string new_tag_line(const Finding& now, const Previous* previous);

// How `now` changed since `before` (the same key in `previous`), one line each; empty when it
// did not. A page the previous scan never fetched counts as new for the tag unless the tag was
// on every page before (the site grew) and the page has no health context.
std::vector<std::string> changes_since(const Finding& now, const PreviousFinding& before,
                                       const Previous& previous);

}  // namespace tagdrift::drift
