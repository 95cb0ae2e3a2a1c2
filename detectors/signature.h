// A vendor signature as loaded from a signatures/*.toml file: plain data, no compiled regexes.
// docs/signatures.md documents the file format these fields come from.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "detectors/place.h"

namespace tagdrift::detectors {

enum class Category {
  kAdvertising,
  kAnalytics,
  kSessionReplay,
  kTagManager,
  kMarketingAutomation,
  kChat,
  kCdp,
  kConsent,
  kOther,
};

// "advertising", "session-replay", ... as written in signature files and reports.
const char* category_name(Category category);
std::optional<Category> parse_category(std::string_view name);

// One regex and the places it applies to.
struct Pattern {
  std::vector<PlaceKind> places;
  std::string regex;           // RE2 syntax; a group named `id` captures the tag ID
  bool weak = false;           // counts only when the vendor has a non-weak hit on the page
  bool id_required = false;    // a hit needs a literal ID (a placeholder ID is no hit)
  bool id_must_match = false;  // a literal ID that does not fit id_format is someone else's tag
  // RE2 for the vendor's loader, with a `name` group in `regex`: in a fetched script, a call
  // whose ID is held by a name with no literal counts (with no ID) when the script matches this.
  std::string loader;
  unsigned line = 0;  // line in the signature file
};

// A tag-manager template that configures this vendor's tag: a built-in GTM template matched by
// name, or a community template (__cvt_...) recognised by what its permissions name.
struct ContainerTemplate {
  std::string template_name;              // "__bzi"; empty for a community template
  std::string community;                  // RE2 searched in a community template's permissions
  std::vector<std::string> id_fields;     // fields holding the ID ("vtp_partnerId")
  std::vector<std::string> event_fields;  // fields holding an event name
  std::vector<std::string> enhanced_match_fields;  // fields that switch enhanced match on
  std::string id_rewrite;     // RE2 applied to a field's value before the ID rules...
  std::string id_rewrite_to;  // ...and its replacement (\1 for groups)
  unsigned line = 0;
};

// A vendor's beacon as a browser sends it: the hosts and path it goes to, and which of the
// request's parameters (query string, form or JSON body, GA4's one-event-per-line batches) hold the
// ID, the event names and the enhanced-match fields. detectors/network_match.h applies it.
struct NetworkPattern {
  std::vector<std::string> hosts;           // hosts the beacon goes to (subdomains included)
  std::string path;                         // RE2 searched in the path; (?P<id>...) may take the ID
  std::vector<std::string> id_params;       // parameters holding the ID: query, then body
  std::vector<std::string> event_params;    // parameters whose values are event names
  std::vector<std::string> enhanced_match;  // RE2 fully matching a parameter name; group 1: field
  unsigned line = 0;
};

// An example inside the file: `place` + `text`, and what the signature must (not) find in it.
struct Example {
  PlaceKind place = PlaceKind::kScriptInline;
  std::string text;
  bool match = true;                        // false: a negative example
  std::optional<std::string> id;            // expected canonical ID ("" = present, no ID)
  std::vector<std::string> events;          // expected event names (subset)
  std::vector<std::string> enhanced_match;  // expected enhanced-match field names (subset)
  bool container_tag = false;  // place "gtm-tag": `text` is one tag of a GTM container (JSON)
  std::string permissions;     // with it: the community template's permissions (JSON)
  std::string method;          // place "network": the request's method (GET when empty)...
  std::string body;            // ...its body...
  std::string content_type;    // ...and the body's Content-Type
  unsigned line = 0;
};

struct Signature {
  std::string id;       // stable: "pinterest-tag"
  std::string vendor;   // "pinterest"
  std::string product;  // "Pinterest Tag"
  Category category = Category::kOther;
  std::string id_format;           // RE2 the canonical ID must fully match; empty: any ID
  std::string id_prefix;           // added to a captured ID that lacks it ("AW-")
  bool id_upper = false;           // IDs are upper-cased before the format check
  bool follow = false;             // scripts its script-src patterns find are fetched and matched
  std::string follow_url;          // a container URL with "{id}", fetched for each ID it finds
  std::vector<std::string> hosts;  // the vendor's own hosts: known resources, never "unknown"
  std::vector<Pattern> patterns;
  std::vector<std::string> events;                  // RE2, group 1 = an event name
  std::vector<std::string> enhanced_match;          // RE2, group 1 = a field name
  std::vector<std::string> enhanced_match_objects;  // RE2, group 1 = a JS object of fields
  std::vector<ContainerTemplate> containers;        // [[signature.container]]
  std::vector<NetworkPattern> network;              // [[signature.network]]
  std::vector<Example> examples;
  std::string file;   // the file it came from, for messages
  unsigned line = 0;  // line of its [[signature]] table
};

// Hosts of well-known third parties that do not track (CDNs, fonts, maps, video), by key.
struct AllowedHosts {
  std::string key;  // "jquery-cdn"
  std::vector<std::string> hosts;
};

// How to accept everything in a consent manager's banner, as its documentation says: the controls
// a browser clicks (CSS selectors, tried in order) or the call it makes. From a consent file's
// [[accept]] tables; detectors/consent_accept.h checks them.
struct ConsentAccept {
  std::string vendor;                  // "onetrust"
  std::vector<std::string> selectors;  // CSS selectors of the accept-all control, in order
  std::string shadow_host;             // selector of the element whose shadow root holds them
  std::string script;                  // a documented JavaScript call that accepts all, or empty
  std::string file;                    // the file it came from, for messages
  unsigned line = 0;
};

// Names used in files for places: the place_kind_name() spellings plus the groups "inline"
// (script-inline) and "noscript" (noscript-img and noscript-iframe).
std::vector<PlaceKind> parse_place_names(std::string_view name);

}  // namespace tagdrift::detectors
