// What a scan means once compared with history: findings (one per tag identity) with their
// drift status, severity and policy verdict, removed and commented tags, pages that vanished.
// Built from stored records only, so a past scan renders exactly as it did the day it ran.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "drift/container_origin.h"
#include "drift/interned.h"
#include "drift/report_page.h"
#include "storage/history_records.h"

namespace tagdrift::drift {

enum class Status { kNew, kChanged, kKnown, kApproved };
enum class Severity { kInfo, kLow, kMedium, kHigh, kCritical };
enum class FailOn { kNever, kPolicy, kNew, kHigh, kCritical };

const char* status_name(Status status);        // "new", "changed", "known", "approved"
const char* severity_name(Severity severity);  // "info" ... "critical"
const char* fail_on_name(FailOn fail_on);      // "never", "policy", "new", "high", "critical"

// One page a tag was seen on. Its strings are shared with every other page holding the same
// value (see interned.h): a site repeats them across pages, and a finding can be on all of them.
struct FindingPage {
  SharedText url;
  SharedNames where;           // place kinds: "script-inline", "noscript-img", ...
  SharedText via;              // the fetched script the tag came from, if any
  bool consent_gated = false;  // gated at every place on this page
  bool health_context = false;
  SharedNames health_terms;  // the terms that gave the page its health context
  SharedNames collects_pii;
  SharedNames events;          // event names fired on this page
  SharedNames enhanced_match;  // enhanced-match field names sent from this page
  SharedText evidence;         // first evidence snippet on this page
  unsigned line = 0;
  SharedContainer container;  // where a tag-manager container configures it (the first seen)
};

// One deny rule (and path glob) a finding breaks, for formats that list each rule on its own.
struct PolicyBreach {
  std::string rule;                // "deny advertising on /services/**"
  std::string reason;              // the rule's reason, "" when it gives none
  std::vector<std::string> pages;  // the page URLs that break it
};

struct Finding {
  std::string key;  // "pinterest:2612345678901", "unknown:cdn.example.net"
  std::string signature, vendor, product, category, tag_id;
  Status status = Status::kKnown;
  Severity severity = Severity::kInfo;
  std::string reason;                       // one line: why this severity
  std::string remediation;                  // one line, vendor-aware
  bool consent_gated = false;               // gated on every page
  std::vector<std::string> enhanced_match;  // field names only
  std::vector<std::string> events;
  std::vector<std::string> changes;  // what changed since the previous scan, one line each
  std::vector<std::string> policy_violations;  // the policy rules it breaks, one line each
  std::vector<PolicyBreach> policy_breaches;   // the same rules, one entry each
  std::vector<FindingPage> pages;              // sorted by URL
};

struct RemovedTag {
  std::string key, signature, vendor, tag_id;
};

struct CommentedTag {
  std::string key, vendor, tag_id;
  std::vector<std::string> pages;
};

// A target the scan could not scan at all (unreachable, refused, an empty directory): the scan
// did not run, so it says nothing about the tags the site has or lost.
struct TargetFailure {
  std::string target, reason;
};

// A tag the previous scan saw where this scan could not look: on a page that failed (other than
// a 404 or 410), or through a script that failed to fetch, or anywhere when a target could not
// be scanned. Carried forward, not verified: never "removed", never "new".
struct UnverifiedTag {
  std::string key, vendor, tag_id;
  std::vector<std::string> pages;  // the pages it was last seen on that this scan could not read
};

// A tag-manager container the scan decoded, and the version the previous scan read at its URL
// (empty when that scan did not read it). A new version is noted, not a finding: what it changed
// shows in the findings it configures.
struct ContainerVersion {
  std::string url, container_id, version, previous_version;
};

// A script or container this scan's pages load that it could not analyse in full: the tags in it
// went unseen. Compared with the previous scan: `newly` when that scan read it.
struct UnreadScript {
  std::string url;
  std::string reason;  // "too-large", "fetch-failed", "not-javascript", "over-script-limit", ...
  std::string detail;  // the first page's: "HTTP 404", "6291456 bytes, over the limit of 4194304"
  std::vector<std::string> pages;  // the pages that load it, sorted
  bool newly = false;              // unread now, not in the previous scan (there was one)
};

struct PageChange {
  std::string url;
  std::string change;  // "vanished" or "broke: <error>"
};

struct Report {
  storage::ScanRecord scan;
  std::optional<std::int64_t> previous_scan_id;
  std::vector<ReportPage> pages;
  std::vector<Finding> findings;  // sorted: severity (worst first), then key
  std::vector<RemovedTag> removed;
  std::vector<CommentedTag> commented;
  std::vector<PageChange> page_changes;
  std::vector<TargetFailure> failed_targets;  // not empty: the scan could not run (exit 3)
  std::vector<UnverifiedTag> unverified;      // sorted by key
  std::vector<ContainerVersion> containers;   // sorted by container ID, then URL
  std::vector<UnreadScript> unread_scripts;   // sorted by URL
  std::vector<std::string> read_again;  // unread in the previous scan, read by this one; sorted
  FailOn fail_on = FailOn::kNever;
  bool fail_on_unread = false;       // --fail-on unread: an unread script fails the scan too
  bool failed = false;               // the findings (or unread scripts) meet the gate
  std::vector<std::string> failing;  // why, one line per failing finding or unread script
};

}  // namespace tagdrift::drift
