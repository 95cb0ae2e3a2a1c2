// What personal data a form field collects, read from how the field describes itself: its type,
// name, id, autocomplete token, placeholder, aria-label and label text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tagdrift::detectors {

// One input, select or textarea as the page shows it; attributes as written.
struct FormField {
  std::string tag;  // "input", "select" or "textarea"
  std::string type;
  std::string name;
  std::string id;
  std::string autocomplete;
  std::string placeholder;
  std::string aria_label;
  std::string label;            // text of its <label for=id> or of the <label> around it
  bool in_search_form = false;  // inside a <form role=search> or a form named for search
};

// The kinds of personal data, in the order pii_kinds() lists them.
inline constexpr std::string_view kPiiKinds[] = {
    "email", "phone", "name", "date-of-birth", "address", "insurance-id", "symptoms", "ssn"};

// True for fields a visitor does not type personal data into: hidden fields, buttons, check
// boxes, passwords, files, and search boxes (type=search, name q/s/query, a search form).
bool ignored_field(const FormField& field);

// The kind of personal data `field` collects, one of kPiiKinds, or empty when none.
std::string_view pii_kind(const FormField& field);

// The kinds collected by any of `fields`, each once, in kPiiKinds order.
std::vector<std::string> pii_kinds(const std::vector<FormField>& fields);

}  // namespace tagdrift::detectors
