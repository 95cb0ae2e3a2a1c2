// The evidence line of a sighting: a short single-line snippet around a match, with anything that
// looks like a personal value (hashes, e-mail addresses, enhanced-match values) redacted.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace tagdrift::detectors {

inline constexpr std::size_t kMaxEvidenceBytes = 160;

// At most kMaxEvidenceBytes of `text` around the match starting at `begin`, whitespace collapsed
// to single spaces, cut on a UTF-8 boundary, values redacted.
std::string evidence_snippet(std::string_view text, std::size_t begin);

// `text` with hex runs of 32+ digits, e-mail addresses and the values of enhanced-match fields
// (em: '...', pd[em]=..., ud[ph]=...) replaced by "[redacted]".
std::string redact_values(std::string_view text);

}  // namespace tagdrift::detectors
