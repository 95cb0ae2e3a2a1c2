#include "detectors/consent_gating.h"

#include <array>
#include <string>

#include "detectors/html_tree.h"
#include "detectors/javascript_type.h"

namespace tagdrift::detectors {
namespace {

enum class MarkerForm {
  kAttribute,       // the attribute is present, whatever its value
  kClassPrefix,     // a class token starts with the name
  kJavaScriptType,  // the attribute names a JavaScript type: the type to run once released
};

struct ConsentConvention {
  std::string_view cmp;
  MarkerForm form;
  const char* name;
};

// The markup conventions of consent managers, as their documentation shows them.
constexpr std::array<ConsentConvention, 17> kConventions = {{
    {"cookiebot", MarkerForm::kAttribute, "data-cookieconsent"},
    {"onetrust", MarkerForm::kClassPrefix, "optanon-category-"},
    {"usercentrics", MarkerForm::kAttribute, "data-usercentrics"},
    {"complianz", MarkerForm::kAttribute, "data-category"},
    {"complianz", MarkerForm::kClassPrefix, "cmplz-"},
    {"complianz", MarkerForm::kAttribute, "data-service"},
    {"osano", MarkerForm::kAttribute, "data-osano"},
    {"termly", MarkerForm::kAttribute, "data-categories"},
    {"cookieyes", MarkerForm::kAttribute, "data-cookieyes"},
    {"generic", MarkerForm::kAttribute, "data-cookie-consent"},
    {"generic", MarkerForm::kAttribute, "data-cookiecategory"},
    {"cookie-script", MarkerForm::kAttribute, "data-cookiescript"},
    {"iubenda", MarkerForm::kClassPrefix, "_iub_cs_activate"},
    {"cookiefirst", MarkerForm::kAttribute, "data-cookiefirst-category"},
    {"didomi", MarkerForm::kAttribute, "data-vendor"},
    {"generic", MarkerForm::kAttribute, "data-consent"},
    {"klaro", MarkerForm::kJavaScriptType, "data-type"},
}};

// Where consent managers park the URL until consent, in order of preference.
constexpr std::array<const char*, 7> kDeferredSrcAttributes = {
    "data-src",           "data-cookieblock-src", "data-cmplz-src", "data-src-cmplz",
    "data-suppressedsrc", "suppressedsrc",        "data-lazy-src",
};

bool matches(const GumboElement& element, const ConsentConvention& convention) {
  switch (convention.form) {
    case MarkerForm::kAttribute:
      return attribute_value(element, convention.name) != nullptr;
    case MarkerForm::kClassPrefix:
      return has_class_prefix(element, convention.name);
    case MarkerForm::kJavaScriptType: {
      const char* value = attribute_value(element, convention.name);
      return value != nullptr && *value != '\0' && is_javascript_type(value);
    }
  }
  return false;
}

// A src that loads nothing third-party: absent, empty or a placeholder the manager swaps out.
bool is_placeholder_src(const char* src) {
  if (src == nullptr) return true;
  std::string_view value(src);
  std::size_t begin = value.find_first_not_of(" \t\n\f\r");
  if (begin == std::string_view::npos) return true;
  value.remove_prefix(begin);
  return value.starts_with("about:") || value.starts_with("data:") ||
         value.starts_with("javascript:");
}

}  // namespace

std::string_view consent_marker(const GumboElement& element) {
  for (const ConsentConvention& convention : kConventions) {
    if (matches(element, convention)) return convention.cmp;
  }
  return {};
}

bool is_consent_gated_script(const GumboElement& script) {
  const char* type = attribute_value(script, "type");
  if (type == nullptr || is_javascript_type(type) || is_data_block_type(type)) return false;
  return !consent_marker(script).empty();
}

const char* deferred_src(const GumboElement& element) {
  for (const char* name : kDeferredSrcAttributes) {
    const char* value = attribute_value(element, name);
    if (value != nullptr && *value != '\0') return value;
  }
  return nullptr;
}

bool is_consent_gated_embed(const GumboElement& element) {
  return is_placeholder_src(attribute_value(element, "src")) && deferred_src(element) != nullptr &&
         !consent_marker(element).empty();
}

}  // namespace tagdrift::detectors
