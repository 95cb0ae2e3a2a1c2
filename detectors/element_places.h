// The places one element holds: a script's src or body, an img, iframe, link or meta, and the
// attributes where vendors put IDs, by the rules documented in places.h.
#pragma once

#include <gumbo.h>

#include <cstddef>
#include <string_view>
#include <vector>

#include "detectors/place.h"

namespace tagdrift::detectors {

struct ElementScope {
  bool commented = false;    // inside an HTML or template comment
  bool in_noscript = false;  // inside <noscript>: only img and iframe count
  unsigned line = 0;         // 1-based page line of the element
};

struct ElementBudget {
  std::size_t max_places = 0;        // places on the page, all kinds
  std::size_t max_inline_bytes = 0;  // an inline script body is cut to this
  std::size_t data_attributes_left = 0;
};

// Appends the places of `element`. URL kinds get the URL as written in both raw and value; the
// page walk resolves value once it knows the page's <base>.
void collect_element_places(const GumboElement& element, const ElementScope& scope,
                            ElementBudget& budget, std::vector<Place>& out);

// True when `markup` has a start tag of an element that can hold a tag: script, img, iframe,
// noscript, link or meta (just img and iframe `in_noscript`). Commented or noscript markup
// without one is not worth parsing again.
bool may_hold_places(std::string_view markup, bool in_noscript);

// True for the kinds whose value is a URL.
bool is_url_place(PlaceKind kind);

}  // namespace tagdrift::detectors
