#include "detectors/element_places.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <string>
#include <string_view>

#include "detectors/consent_gating.h"
#include "detectors/html_tree.h"
#include "detectors/javascript_type.h"
#include "util/ascii.h"

namespace tagdrift::detectors {
namespace {

// A src beyond this is not a tag URL but data; it is cut so one attribute cannot eat memory.
constexpr std::size_t kMaxUrlBytes = 8192;
// Attribute values at or beyond this are content, not vendor IDs.
constexpr std::size_t kMaxDataValueBytes = 200;

// <link rel> values that make the browser contact the host (stylesheets included: a
// third-party stylesheet host is as much a drift signal as a preconnect).
constexpr std::array<std::string_view, 7> kContactingRels = {
    "preconnect", "dns-prefetch", "preload", "prefetch", "modulepreload", "prerender", "stylesheet",
};

std::string_view trimmed(std::string_view text) {
  std::size_t begin = text.find_first_not_of(" \t\n\f\r");
  if (begin == std::string_view::npos) return {};
  return text.substr(begin, text.find_last_not_of(" \t\n\f\r") - begin + 1);
}

bool is_blank(const char* text) { return text == nullptr || trimmed(text).empty(); }

bool is_data_url(std::string_view url) {
  url = trimmed(url);
  return url.size() >= 5 && (url[0] | 0x20) == 'd' && (url[1] | 0x20) == 'a' &&
         (url[2] | 0x20) == 't' && (url[3] | 0x20) == 'a' && url[4] == ':';
}

// Cuts `text` to at most `limit` bytes without splitting a UTF-8 sequence.
void cut_utf8(std::string& text, std::size_t limit) {
  if (text.size() <= limit) return;
  std::size_t end = limit;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  text.resize(end);
}

bool room(const ElementBudget& budget, const std::vector<Place>& out) {
  return out.size() < budget.max_places;
}

Place make_place(PlaceKind kind, const ElementScope& scope) {
  Place place;
  place.kind = kind;
  place.commented = scope.commented;
  place.line = scope.line;
  return place;
}

// Adds a URL place; nullptr when the URL is blank or a data: URL (never a third party).
Place* add_url(PlaceKind kind, std::string_view url, const ElementScope& scope, bool gated,
               std::vector<Place>& out) {
  if (trimmed(url).empty() || is_data_url(url)) return nullptr;
  Place place = make_place(kind, scope);
  place.raw.assign(url.substr(0, kMaxUrlBytes));
  place.value = place.raw;
  place.consent_gated = gated;
  out.push_back(std::move(place));
  return &out.back();
}

std::string script_body(const GumboElement& script, std::size_t limit) {
  std::string body;
  for (unsigned i = 0; i < script.children.length && body.size() <= limit; ++i) {
    const auto* child = static_cast<const GumboNode*>(script.children.data[i]);
    if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE ||
        child->type == GUMBO_NODE_CDATA) {
      body.append(child->v.text.text, std::min(std::strlen(child->v.text.text), limit + 1));
    }
  }
  cut_utf8(body, limit);
  return body;
}

void script_places(const GumboElement& script, const ElementScope& scope,
                   const ElementBudget& budget, std::vector<Place>& out) {
  const char* type = attribute_value(script, "type");
  bool gated = false;
  if (type != nullptr && !is_javascript_type(type)) {
    if (!is_consent_gated_script(script)) return;
    gated = true;
  }
  const char* src = attribute_value(script, "src");
  if (gated && is_blank(src)) src = deferred_src(script);
  if (src != nullptr) {  // a src, even an empty one, means the body never runs
    Place* place = add_url(PlaceKind::kScriptSrc, src, scope, gated, out);
    if (place != nullptr && type != nullptr) place->script_type = type;
    return;
  }
  std::string body = script_body(script, budget.max_inline_bytes);
  if (trimmed(body).empty()) return;
  Place place = make_place(PlaceKind::kScriptInline, scope);
  place.value = std::move(body);
  place.script_type = type != nullptr ? type : "";
  place.consent_gated = gated;
  out.push_back(std::move(place));
}

void embed_places(const GumboElement& element, PlaceKind kind, const ElementScope& scope,
                  std::vector<Place>& out) {
  const char* src = attribute_value(element, "src");
  if (!is_blank(src)) {
    add_url(kind, src, scope, false, out);
  } else if (is_consent_gated_embed(element)) {
    add_url(kind, deferred_src(element), scope, true, out);
  }
}

bool has_contacting_rel(const char* rel) {
  const std::string lower = ascii_lowercase(rel);
  std::string_view tokens(lower);
  for (std::string_view wanted : kContactingRels) {
    for (std::size_t at = tokens.find(wanted); at != std::string_view::npos;
         at = tokens.find(wanted, at + 1)) {
      bool starts = at == 0 || tokens[at - 1] == ' ' || tokens[at - 1] == '\t';
      std::size_t end = at + wanted.size();
      bool ends = end == tokens.size() || tokens[end] == ' ' || tokens[end] == '\t';
      if (starts && ends) return true;
    }
  }
  return false;
}

void link_place(const GumboElement& link, const ElementScope& scope, std::vector<Place>& out) {
  const char* rel = attribute_value(link, "rel");
  const char* href = attribute_value(link, "href");
  if (rel == nullptr || is_blank(href) || !has_contacting_rel(rel)) return;
  add_url(PlaceKind::kLink, href, scope, false, out);
}

void meta_place(const GumboElement& meta, const ElementScope& scope, std::vector<Place>& out) {
  const char* attr = "name";
  const char* name = attribute_value(meta, attr);
  if (is_blank(name)) name = attribute_value(meta, attr = "property");
  const char* content = attribute_value(meta, "content");
  if (is_blank(name) || is_blank(content)) return;
  Place place = make_place(PlaceKind::kMeta, scope);
  place.value = std::string(trimmed(name)) + "=" + std::string(trimmed(content));
  place.raw = attr;
  out.push_back(std::move(place));
}

// A custom element (<chat-widget>, <klaviyo-form>): its name, as written, has a '-'.
bool is_custom_element(const GumboElement& element) {
  if (element.tag != GUMBO_TAG_UNKNOWN || element.original_tag.data == nullptr) return false;
  std::string_view tag(element.original_tag.data, element.original_tag.length);
  std::size_t end = tag.find_first_of(" \t\n\f\r/>", 1);
  return tag.substr(0, end).find('-') != std::string_view::npos;
}

// Attributes where vendors put account IDs outside URLs and script bodies: data-*, names
// ending in -id or _id (page_id, location-id), any attribute of a vendor's custom element,
// and the on* handlers of a <script> (onload="wtslog7('2071715')").
bool is_id_carrier(std::string_view name, const GumboElement& element) {
  if (name.starts_with("data-")) return true;
  if (name.size() > 3 && (name.ends_with("-id") || name.ends_with("_id"))) return true;
  if (element.tag == GUMBO_TAG_SCRIPT && name.starts_with("on")) return true;
  return is_custom_element(element);
}

void attribute_places(const GumboElement& element, const ElementScope& scope, ElementBudget& budget,
                      std::vector<Place>& out) {
  for (unsigned i = 0; i < element.attributes.length && budget.data_attributes_left > 0; ++i) {
    const auto* attr = static_cast<const GumboAttribute*>(element.attributes.data[i]);
    std::string_view name(attr->name);
    if (!is_id_carrier(name, element) || !room(budget, out)) continue;
    std::string_view value = trimmed(attr->value);
    // A value with markup is a snippet shown as text, never a live tag.
    if (value.empty() || value.size() >= kMaxDataValueBytes || value.find('<') != value.npos) {
      continue;
    }
    Place place = make_place(PlaceKind::kDataAttribute, scope);
    place.value = std::string(name) + "=" + std::string(value);
    place.raw = std::string(name);
    out.push_back(std::move(place));
    --budget.data_attributes_left;
  }
}

void own_places(const GumboElement& element, const ElementScope& scope, const ElementBudget& budget,
                std::vector<Place>& out) {
  switch (element.tag) {
    case GUMBO_TAG_SCRIPT:
      script_places(element, scope, budget, out);
      break;
    case GUMBO_TAG_IMG:
      embed_places(element, PlaceKind::kImg, scope, out);
      break;
    case GUMBO_TAG_IFRAME:
      embed_places(element, PlaceKind::kIframe, scope, out);
      break;
    case GUMBO_TAG_LINK:
      link_place(element, scope, out);
      break;
    case GUMBO_TAG_META:
      meta_place(element, scope, out);
      break;
    default:
      break;
  }
}

}  // namespace

void collect_element_places(const GumboElement& element, const ElementScope& scope,
                            ElementBudget& budget, std::vector<Place>& out) {
  if (!room(budget, out)) return;
  if (scope.in_noscript) {
    if (element.tag == GUMBO_TAG_IMG) embed_places(element, PlaceKind::kNoscriptImg, scope, out);
    if (element.tag == GUMBO_TAG_IFRAME) {
      embed_places(element, PlaceKind::kNoscriptIframe, scope, out);
    }
    return;
  }
  own_places(element, scope, budget, out);
  if (element.attributes.length > 0) attribute_places(element, scope, budget, out);
}

bool may_hold_places(std::string_view markup, bool in_noscript) {
  static constexpr std::array<std::string_view, 6> kHolders = {"img",      "iframe", "script",
                                                               "noscript", "link",   "meta"};
  std::size_t holders = in_noscript ? 2 : kHolders.size();
  for (std::size_t lt = markup.find('<'); lt != std::string_view::npos;
       lt = markup.find('<', lt + 1)) {
    std::string_view rest = markup.substr(lt + 1);
    for (std::size_t k = 0; k < holders; ++k) {
      std::string_view name = kHolders[k];
      if (rest.size() <= name.size()) continue;
      bool same = true;
      for (std::size_t i = 0; i < name.size() && same; ++i) same = (rest[i] | 0x20) == name[i];
      char after = rest[name.size()];
      if (same && (after == '>' || after == '/' || after == ' ' || after == '\t' || after == '\n' ||
                   after == '\r' || after == '\f')) {
        return true;
      }
    }
  }
  return false;
}

bool is_url_place(PlaceKind kind) {
  switch (kind) {
    case PlaceKind::kScriptSrc:
    case PlaceKind::kNoscriptImg:
    case PlaceKind::kNoscriptIframe:
    case PlaceKind::kImg:
    case PlaceKind::kIframe:
    case PlaceKind::kLink:
      return true;
    default:
      return false;
  }
}

}  // namespace tagdrift::detectors
