// The plain values storage keeps: the scan layer converts pages and sightings to these, and the
// read side hands them back. No behaviour, no pointers into other stages.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tagdrift::storage {

// What a rescan needs to reuse a page it finds unchanged without parsing it again: its outgoing
// links and the scripts the detectors followed from it. Kept once per distinct content.
struct PageExtract {
  std::vector<std::string> links, scripts;
  std::int64_t id = 0;  // the stored extract's id when it came from the history, else 0
};

// A script or container a page loads that detection could not analyse in full, and why.
struct UnreadScriptRecord {
  std::string page_url, url;
  std::string reason;  // "too-large", "fetch-failed", "not-javascript", "over-script-limit", ...
  std::string detail;  // "HTTP 404", "6291456 bytes, over the limit of 4194304", ...
};

// One fetched (or failed, or skipped) page of a scan.
struct PageRecord {
  std::string url, final_url;
  int status = 0;
  std::string content_type;
  std::uint64_t bytes = 0;
  double seconds = 0;
  int depth = 0;
  std::string found_by;  // "seed", "link" or "sitemap"
  std::string referrer, error, skipped;
  bool health_context = false;
  std::vector<std::string> health_terms, collects_pii;
  std::string body_hash, etag, last_modified;  // validators for incremental rescans
  bool reused = false;                         // unchanged since the last scan: not parsed again
  std::string file;  // a directory target's page: "public/about/index.html"; else empty
  std::optional<PageExtract> extract;      // none: the page can never be reused
  std::vector<UnreadScriptRecord> unread;  // written with the page; read back in ScanContents
};

// A script the detectors fetched during a scan (a tag-manager container, a bundle).
struct ScriptRecord {
  std::string url, body_hash, error;
};

// Where in a decoded tag-manager container a sighting's tag is configured: the container, its
// published version, the tag's own id, its template, its firing rule as text, and how the ID was
// read ("literal", "constant (macro 4)", ...). Empty (tag_id -1) for a tag seen anywhere else.
struct ContainerOriginRecord {
  std::string container_id, version;
  int tag_id = -1;
  std::string template_name, firing, resolved;

  bool empty() const { return tag_id < 0 && container_id.empty(); }
  friend bool operator==(const ContainerOriginRecord&, const ContainerOriginRecord&) = default;
};

// A tag-manager container a scan fetched and decoded: its URL, its ID and the version published.
struct ContainerRecord {
  std::string url, container_id, version;
};

// One tag seen at one place of one page.
struct SightingRecord {
  std::string key;  // the tag's identity on a site: "pinterest:2612…", "unknown:host"
  std::string signature_id, vendor, product, category, tag_id, page_url;
  std::string place;  // "script-inline", …
  std::string via;
  bool consent_gated = false, commented = false;
  std::vector<std::string> events, enhanced_match;
  std::string evidence;
  unsigned line = 0;
  ContainerOriginRecord container;  // set when the tag was read from a decoded container
};

// A scan's header: what was scanned, how, when, and whether it ran to the end.
struct ScanRecord {
  std::int64_t id = 0;
  std::string site;  // the site key, e.g. the seed origin "https://www.clinic.test"
  std::string target, options_json, started_at, finished_at;
  bool complete = false;
  std::int64_t pages_crawled = 0, pages_failed = 0, pages_skipped = 0;
  std::string detection;  // fingerprint of what decides detection (signatures, lexicon, limits)
  bool baseline = true;   // later scans may be compared with it: not when --fail-on new failed it
};

// The totals a finished scan records.
struct ScanCounts {
  std::int64_t pages_crawled = 0, pages_failed = 0, pages_skipped = 0;
};

// A tag's life on a site across scans, with its approval. In its last scan it was live (not in
// an HTML or template comment) on `pages_last_scan` pages and commented out on
// `pages_commented_last_scan` (a page can count in both); live on none means commented out.
struct TagRecord {
  std::string site, key, signature_id, vendor, product, category, tag_id, first_seen, last_seen;
  std::int64_t first_scan = 0, last_scan = 0, pages_last_scan = 0, pages_commented_last_scan = 0;
  bool approved = false;
  std::string approval_note;
};

// A person's statement that a tag is expected on a site.
struct ApprovalRecord {
  std::string site, key, note, approved_at;
};

// Everything one scan stored.
struct ScanContents {
  ScanRecord scan;
  std::vector<PageRecord> pages;
  std::vector<SightingRecord> sightings;
  std::vector<ScriptRecord> scripts;
  std::vector<ContainerRecord> containers;  // by URL
  std::vector<UnreadScriptRecord> unread;   // in the order the scan wrote them
};

}  // namespace tagdrift::storage
