// Tag IDs in one canonical spelling per account (AW-123, G-ABC, GTM-XYZ, digits), and template
// variables or sample values ({{ id }}, <?php ... ?>, GTM-XXXX, YOUR_PIXEL_ID) told apart.
#pragma once

#include <string>
#include <string_view>

namespace re2 {
class RE2;
}

namespace tagdrift::detectors {

// How a signature spells its IDs.
struct IdRules {
  std::string_view prefix;           // added when missing ("AW-"); compared case-insensitively
  bool upper = false;                // upper-case before the format check
  const re2::RE2* format = nullptr;  // must fully match the canonical ID; null: anything goes
};

enum class IdStatus {
  kOk,           // `id` holds the canonical ID
  kPlaceholder,  // a template variable, a sample value or nothing at all: the tag has no known ID
  kForeign,      // a literal ID of another shape (gtag's config with an AW- ID seen by GA)
};

struct CanonicalId {
  IdStatus status = IdStatus::kPlaceholder;
  std::string id;  // empty unless kOk
};

// True for an ID that is a template variable, a sample or a placeholder rather than an account.
bool is_placeholder_id(std::string_view id);

// The canonical form of a captured ID: percent-decoded, trimmed of spaces and quotes, placeholder
// checked, upper-cased and prefixed by `rules`, then checked against the format.
CanonicalId canonical_id(std::string_view captured, const IdRules& rules);

}  // namespace tagdrift::detectors
