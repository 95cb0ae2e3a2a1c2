// Canary values a browser types into a page's personal-data fields (the way Blacklight tests key
// logging): one unique value per field kind for one visit, so that a request found carrying one,
// as typed, encoded or hashed (detectors/canary_search.h), shows what the page sent on.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace tagdrift::detectors {

enum class FieldKind { kEmail, kPhone, kName, kDateOfBirth, kFreeText };
inline constexpr std::size_t kFieldKindCount = 5;

// "email", "phone", "name", "date-of-birth", "free-text": as reports name them.
const char* field_kind_name(FieldKind kind);

// A canary and the other spellings trackers normalise it to before sending or hashing it.
struct CanarySpelling {
  std::string label;  // "as typed", "lower-case", "digits", "first name", ...
  std::string text;
};

struct FormCanaries {
  std::array<std::string, kFieldKindCount> values;  // what is typed, indexed by FieldKind

  const std::string& of(FieldKind kind) const { return values[static_cast<std::size_t>(kind)]; }
};

// Canaries drawn from `seed`: the same seed gives the same values (tests); values look like what
// a form expects (an e-mail address, a +1 555 phone number, two capitalised words, a date of birth
// YYYY-MM-DD, a sentence) so that validation lets them through.
FormCanaries make_form_canaries(std::uint64_t seed);

// make_form_canaries with a seed from std::random_device: one call per visit.
FormCanaries random_form_canaries();

// The spellings of `kind`'s canary: as typed first, then the normalised ones that differ from it
// (e-mail and names lower-cased, each name on its own as typed and lower-cased, a phone's digits
// with and without the country code, a date's digits YYYYMMDD).
std::vector<CanarySpelling> canary_spellings(const FormCanaries& canaries, FieldKind kind);

}  // namespace tagdrift::detectors
