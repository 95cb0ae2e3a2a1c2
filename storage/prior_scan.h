// What a rescan may reuse from the last complete scan of its site: each reusable page's
// validators, extract, health context and sightings, and the scripts that scan fetched.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "storage/database.h"
#include "storage/records.h"

namespace tagdrift::storage {

// Sightings that differ only in the page they name, held once for a whole prior scan: a site's
// pages share their tags, places and snippets (on a generated 5,000-page site, 17,296 sightings
// were 2,471 distinct ones).
struct SightingOrder {
  bool operator()(const SightingRecord& a, const SightingRecord& b) const;
};
using SharedSightings = std::set<SightingRecord, SightingOrder>;

// One sighting of a prior page: its shared part, and which URL of the page it named.
struct PriorSighting {
  enum class Names : std::uint8_t { kUrl, kFinalUrl, kShared };  // kShared: the one in `shared`
  const SightingRecord* shared = nullptr;  // page_url empty unless `names` is kShared
  Names names = Names::kUrl;
};

// Looks strings up by view, so that a link read from the database is not copied to be found.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const {
    return std::hash<std::string_view>{}(text);
  }
};
using SharedStrings = std::unordered_set<std::string, StringHash, std::equal_to<>>;

// What the pages of a prior scan share, held once: its distinct sightings and link URLs.
struct PriorShared {
  SharedSightings sightings;
  SharedStrings links;  // a site's pages link to the same few URLs
};

struct PriorPage {
  PageRecord page;  // page.extract is always set, with its id and scripts but no links
  // The links, as pointers into PriorShared::links: a site's links held as strings would cost
  // more than all else here. None when the stored list was damaged.
  std::optional<std::vector<const std::string*>> shared_links;
  std::vector<PriorSighting> shared_sightings;

  // The page's links as the prior scan stored them; none when the stored list was damaged.
  std::optional<std::vector<std::string>> links() const;
  // The page's sightings as the prior scan stored them, in order.
  std::vector<SightingRecord> sightings() const;
};

struct PriorScan {
  ScanRecord scan;
  std::unordered_map<std::string, PriorPage> pages;       // by page URL
  std::unordered_map<std::string, ScriptRecord> scripts;  // by script URL
  std::shared_ptr<const PriorShared> shared;  // what the pages' links and sightings point to
};

// Every record of a scan: its pages (in no set order), then its sightings in the order the scan
// wrote them, as History::for_each_record hands them; for a caller that needs the scan whole too.
struct ScanRecordVisitor {
  std::function<void(const PageRecord&)> page;
  std::function<void(const SightingRecord&)> sighting;
};

// The pages of `scan` that kept an extract (fetched, parsed, no secret in their links), with
// their sightings, read in one snapshot. `visit` meets every page and sighting of the scan on the
// way, reusable or not: what drift compares with costs no second read.
PriorScan load_prior_scan(const Database& db, const ScanRecord& scan,
                          const ScanRecordVisitor& visit = {});

}  // namespace tagdrift::storage
