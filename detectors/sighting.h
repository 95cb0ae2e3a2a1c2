// One tracking tag seen in one place of one page: what detection hands to storage and drift.
#pragma once

#include <string>
#include <vector>

#include "detectors/place.h"
#include "detectors/unread_script.h"

namespace tagdrift::detectors {

// Where in a decoded tag-manager container a sighting's tag is configured; empty (tag_id -1) for
// a tag seen anywhere else.
struct ContainerOrigin {
  std::string container_id;   // "GTM-TSFWZ4S"
  std::string version;        // the container's published version
  int tag_id = -1;            // the tag's own tag_id in the container
  std::string template_name;  // "__googtag", "__html", "__cvt_95229662_47"
  std::string firing;         // the firing rule as text: "All Pages", "Page Path contains /a"
  std::string resolved;       // how the ID was read: "literal", "constant (macro 4)", ...
};

struct Sighting {
  std::string signature_id;         // "pinterest-tag"; empty for an unknown resource
  std::string vendor;               // "pinterest"; "unknown" for an unknown third-party resource
  std::string product;              // "Pinterest Tag"
  std::string category;             // "advertising", ..., "other"
  std::string tag_id;               // canonical account/tag ID; empty when not visible
  std::vector<std::string> events;  // event names ("lead", "checkout")
  std::vector<std::string> enhanced_match;  // field names only ("em", "ph"), never values
  bool consent_gated = false;
  bool commented = false;
  PlaceKind place = PlaceKind::kScriptInline;
  std::string page_url;
  std::string via;       // kExternalJs: the script URL the match came from
  std::string host;      // host of the resource (script, pixel, frame) or the vendor's own host
  std::string evidence;  // one line, at most 160 bytes, around the match; values redacted
  unsigned line = 0;     // 1-based line in the page, 0 when unknown
  ContainerOrigin container;  // set when the tag was read from a decoded container
};

// What one page holds: active tags, tags inside comments (reported apart, never as findings),
// and third-party resources no signature knows.
struct PageDetections {
  std::vector<Sighting> active;
  std::vector<Sighting> commented;
  std::vector<Sighting> unknown;
  std::vector<std::string> followed;  // the scripts fetched for this page, in fetch order
  std::vector<UnreadScript> unread;   // scripts and containers not analysed in full, and why
};

// The account a sighting belongs to: "vendor:tag_id", "vendor:host" when no ID is visible, and
// "unknown:host" for unknown resources. Drift compares these across scans.
std::string identity_key(const Sighting& sighting);

}  // namespace tagdrift::detectors
