// What a rescan may reuse from the last complete scan of its site, held compactly until the crawl
// meets each page: per reusable page its URLs, validators, body hash, the scripts it followed and
// its sightings. The rest of a page (its links and health context) stays in the history and is
// read back only for a page found unchanged (storage/prior_page_reader.h): held in memory, a
// site's links cost more than everything else here.
#pragma once

#include <cstdint>
#include <functional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "storage/database.h"
#include "storage/history_records.h"

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

// A run of PriorScan's text.
struct TextSpan {
  std::uint32_t offset = 0, size = 0;
};

// A reusable page of the prior scan: fetched fine, parsed, its extract kept, and every script it
// followed recorded by that scan.
struct PriorPageHead {
  std::int64_t page_id = 0, extract_id = 0;  // rows to read the rest of the page from
  TextSpan url, final_url, etag, last_modified, body_hash;
  std::uint32_t first_script = 0, scripts = 0;  // a run of PriorScan's page scripts
  // A run of PriorScan's page sightings; pages with the same sightings share one.
  std::uint32_t first_sighting = 0, sightings = 0;
};

class PriorScan {
 public:
  ScanRecord scan;

  // The reusable page with `url`, or null.
  const PriorPageHead* find(std::string_view url) const;
  std::size_t pages() const { return heads_.size(); }

  std::string_view text(TextSpan span) const {
    return std::string_view(text_).substr(span.offset, span.size);
  }
  // The scripts the scan fetched; a page names those it followed by their index here.
  const std::vector<ScriptRecord>& scripts() const { return scripts_; }
  std::span<const std::uint32_t> scripts_of(const PriorPageHead& page) const {
    return std::span(page_scripts_).subspan(page.first_script, page.scripts);
  }
  // The page's sightings as the prior scan stored them, in order.
  std::vector<SightingRecord> sightings(const PriorPageHead& page) const;
  // Distinct sightings of the whole scan, and the page sightings held for them.
  std::size_t distinct_sightings() const { return shared_sightings_.size(); }
  std::size_t held_page_sightings() const { return page_sightings_.size(); }

 private:
  friend class PriorScanLoader;

  TextSpan keep(std::string_view text);
  void index_pages();

  std::string text_;  // every URL, validator and hash of the heads, end to end
  std::vector<PriorPageHead> heads_;
  std::vector<std::uint32_t> slots_;  // open addressing by URL: head index + 1, 0 when free
  std::vector<ScriptRecord> scripts_;
  std::vector<std::uint32_t> page_scripts_;
  SharedSightings shared_sightings_;
  std::vector<PriorSighting> page_sightings_;
};

// Every record of a scan: its pages (in no set order), then its sightings in the order the scan
// wrote them, as History::for_each_record hands them; for a caller that needs the scan whole too.
struct ScanRecordVisitor {
  std::function<void(const PageRecord&)> page;
  std::function<void(const SightingRecord&)> sighting;
};

// The reusable pages of `scan` (fetched, parsed, no secret in their links), with their sightings,
// read in one snapshot. `visit` meets every page and sighting of the scan on the way, reusable or
// not: what drift compares with costs no second read. Throws a usage error naming the database
// when a stored list is damaged or the scan is too large to hold (4 GiB of URLs).
PriorScan load_prior_scan(const Database& db, const ScanRecord& scan,
                          const ScanRecordVisitor& visit = {});

}  // namespace tagdrift::storage
