#include "detectors/pii_forms.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>

#include "detectors/health_text.h"

namespace tagdrift::detectors {
namespace {

// Whole words of normalize_words() text, any of `alternatives`.
std::string words(std::string_view alternatives) {
  return "(?:^|[ |])(?:" + std::string(alternatives) + ")(?:[ |]|$)";
}

struct Rule {
  Rule(std::string_view k, std::string_view alternatives) : kind(k), re(words(alternatives)) {}
  std::string_view kind;
  RE2 re;
};

// Read in order: the first that matches the field's description names its kind, so that
// "email address" is an email and "insurance company name" an insurance field.
const Rule kRules[] = {
    {"ssn", "ssn|social security(?: number| no)?|socsec|soc sec(?: no)?"},
    {"date-of-birth",
     "dob|date of birth|dateofbirth|birth ?date|birthday|bday|birth day|date birth|d o b"},
    {"insurance-id",
     "[a-z]*insurance[a-z0-9]*|insurer|health plan|member ?id|member number|policy ?(?:number|no|"
     "id|holder)|policyholder|group (?:number|no|id)|subscriber ?(?:id|number|no|name)|medicaid|"
     "medicare|payer id"},
    {"symptoms",
     "reason (?:for )?(?:your )?(?:visit|appointment|consultation|consult|call|booking)|"
     "reasonforvisit|visit reason|symptoms?|describe (?:your )?(?:concerns?|symptoms?|condition|"
     "problem|issue)|(?:medical|health) (?:history|concerns?|conditions?)|medical ?history|"
     "chief complaint|(?:current )?medications|allergies|diagnosis"},
    {"email", "[a-z0-9]*e ?mail[a-z0-9]*"},
    {"phone", "[a-z0-9]*phone[a-z0-9]*|mobile|cell|tel|telephone|sms|whatsapp"},
    {"address",
     "street|[a-z]*address(?: line)?[0-9]*|addr[0-9]*|zip|zip ?code|postal(?: code)?|postcode|"
     "post code"},
    {"name",
     "(?:first|last|full|given|family|middle|sur|your|patient|legal|preferred) ?name|name|"
     "fname|lname"},
};

// Names that are not a person's.
const RE2 kOtherNames(words(
    "(?:company|business|organi[sz]ation|org|user|practice|pharmacy|file|domain|account|group|"
    "plan|employer|school|product|event|pet|display|screen|host|server|device|clinic|provider|"
    "doctor|physician|hospital|street|city|campaign|form|page|site|insurance|insurer) name|"
    "username"));

const RE2 kSearchWords(words("search[a-z0-9]*|q|s|query|keywords?|searchterm"));

std::string lower(std::string_view text) { return normalize_words(text); }

std::string description(const FormField& field) {
  std::string text;
  for (const std::string* part :
       {&field.name, &field.id, &field.placeholder, &field.aria_label, &field.label}) {
    text += *part;
    text += kTextBreak;
  }
  return normalize_words(text, true);
}

// The kind an autocomplete token names (WHATWG autofill field names), or empty.
std::string_view autocomplete_kind(std::string_view autocomplete) {
  std::string tokens = lower(autocomplete);
  std::size_t start = tokens.rfind(' ');
  std::string_view last =
      std::string_view(tokens).substr(start == std::string::npos ? 0 : start + 1);
  if (tokens.find("email") != std::string::npos) return "email";
  if (tokens.rfind("tel", 0) == 0 || tokens.find(" tel") != std::string::npos) return "phone";
  if (tokens.find("bday") != std::string::npos) return "date-of-birth";
  if (tokens.find("street address") != std::string::npos ||
      tokens.find("address line") != std::string::npos ||
      tokens.find("address level") != std::string::npos ||
      tokens.find("postal code") != std::string::npos) {
    return "address";
  }
  if (last == "name" || tokens.find("given name") != std::string::npos ||
      tokens.find("family name") != std::string::npos ||
      tokens.find("additional name") != std::string::npos) {
    return "name";
  }
  return {};
}

}  // namespace

bool ignored_field(const FormField& field) {
  static constexpr std::array<std::string_view, 11> kNotTyped = {
      "hidden", "submit", "button",   "reset", "image", "checkbox",
      "radio",  "file",   "password", "range", "color"};
  std::string type = lower(field.type);
  if (std::find(kNotTyped.begin(), kNotTyped.end(), type) != kNotTyped.end()) return true;
  if (type == "search" || field.in_search_form) return true;
  std::string own = normalize_words(field.name + kTextBreak + field.id + kTextBreak +
                                        field.placeholder + kTextBreak + field.aria_label,
                                    true);
  return RE2::PartialMatch(own, kSearchWords);
}

std::string_view pii_kind(const FormField& field) {
  if (ignored_field(field)) return {};
  std::string_view by_autocomplete = autocomplete_kind(field.autocomplete);
  if (!by_autocomplete.empty()) return by_autocomplete;
  std::string type = lower(field.type);
  if (type == "email") return "email";
  if (type == "tel") return "phone";
  std::string text = description(field);
  for (const Rule& rule : kRules) {
    if (!RE2::PartialMatch(text, rule.re)) continue;
    if (rule.kind == "name" && RE2::PartialMatch(text, kOtherNames)) continue;
    return rule.kind;
  }
  return {};
}

std::vector<std::string> pii_kinds(const std::vector<FormField>& fields) {
  std::array<bool, std::size(kPiiKinds)> seen{};
  for (const FormField& field : fields) {
    std::string_view kind = pii_kind(field);
    for (std::size_t i = 0; i < seen.size(); ++i) seen[i] = seen[i] || kind == kPiiKinds[i];
  }
  std::vector<std::string> kinds;
  for (std::size_t i = 0; i < seen.size(); ++i) {
    if (seen[i]) kinds.emplace_back(kPiiKinds[i]);
  }
  return kinds;
}

}  // namespace tagdrift::detectors
