// A Google Tag Manager container (the gtm.js a page loads) decoded into its live tags: each tag's
// template and fields, with variables followed statically to every value they can take. The
// Google tag (gtag/js) serves a resource of the same shape, decoded the same way. Knows nothing
// of vendors: detectors/container_tags.h matches the tags against the signatures.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace tagdrift::detectors {

// One value a field can take, and how it was read: "literal", "constant (macro 4)",
// "lookup (macro 33, key \"live\")", "settings (macro 22)", chains joined by " > ".
struct GtmValue {
  std::string text;
  std::string resolved;
};

struct GtmField {
  std::string name;              // "vtp_tagId"
  std::vector<GtmValue> values;  // every value visible in the container
  bool opaque = false;           // some value exists only at run time: "no ID visible"
};

struct GtmTag {
  int tag_id = -1;            // the container's own tag_id
  std::string template_name;  // "__googtag", "__html", "__cvt_95229662_47"
  // A field written as a table (a list of maps) also comes as one field per column, named
  // "<field>.<key>": "vtp_childContainers.publicId".
  std::vector<GtmField> fields;
  std::string firing;  // the first firing rule as text: "All Pages", "Page Path contains /a"
};

struct GtmContainer {
  std::string version;
  std::vector<GtmTag> tags;  // live tags only, in container order: not paused, fired by a rule
  // Community templates (__cvt_...): the template name and its permissions as JSON text (the
  // script URLs it injects, the globals it touches), which tell whose template it is.
  std::map<std::string, std::string> templates;
  std::string error;  // empty when decoded; otherwise why not, and `tags` is empty
};

struct GtmLimits {
  std::size_t max_bytes = 16u << 20;       // of the container text
  std::size_t max_depth = 64;              // JSON nesting of the resource
  std::size_t max_macros = 50000;          // variables in the container
  std::size_t max_tags = 20000;            // tags in the container
  std::size_t max_values = 64;             // values kept per field
  std::size_t max_steps = 1u << 20;        // variable look-ups for the whole container
  std::size_t max_chain = 16;              // variables followed through one another
  std::size_t max_text_bytes = 64u << 20;  // of values copied while resolving the container
};

// True when `url` is a GTM container URL (a gtm.js path with an id=GTM-... parameter).
bool is_gtm_container_url(std::string_view url);

// True when `url` is a Google tag URL (a gtag/js path with an id= parameter: G-, AW-, DC-, GT-).
// Its tags name the destinations linked in the Google tag's settings.
bool is_google_tag_url(std::string_view url);

// Either of the two: a script decoded as a container rather than matched as text.
bool is_decoded_container_url(std::string_view url);

// Decodes `text`, the body of gtm.js. Never throws for bad input: a text with no resource, a
// resource that is not JSON, or one over the limits comes back with `error` set.
GtmContainer decode_gtm_container(std::string_view text, const GtmLimits& limits = {});

}  // namespace tagdrift::detectors
