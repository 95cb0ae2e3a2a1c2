// Everything a page's analysis takes from a parsed tree, as text: its links, its places (with
// their lines), what the health lens reads and its verdict. Two parses that give the same digest
// are the same to tagdrift; the skimmed parse is checked against the full one with it (in the
// detectors tests and in fuzz/fuzz_html.cc), so it is header-only for the fuzz target's sake.
#pragma once

#include <gumbo.h>

#include <string>
#include <string_view>

#include "crawler/links.h"
#include "detectors/page_context.h"
#include "detectors/page_reading.h"
#include "detectors/places.h"

namespace tagdrift::testing {

inline std::string tree_digest(const GumboNode* root, std::string_view page_url) {
  std::string out;
  auto line = [&out](std::string_view label, std::string_view value) {
    out.append(label).append(": ").append(value).append("\n");
  };
  for (const std::string& link : crawler::extract_links(root, page_url, 100000)) {
    line("link", link);
  }
  for (const detectors::Place& place : detectors::extract_places(root, page_url)) {
    line("place", detectors::place_kind_name(place.kind));
    line("  line", std::to_string(place.line));
    line("  flags",
         std::string(place.commented ? "commented " : "") + (place.consent_gated ? "gated" : ""));
    line("  type", place.script_type);
    line("  raw", place.raw);
    line("  value", place.value);
  }
  const detectors::PageReading reading = detectors::read_page(root, page_url);
  line("title", reading.texts.title);
  line("h1", reading.texts.h1);
  line("meta", reading.texts.meta);
  line("subheadings", reading.texts.subheadings);
  line("form", reading.texts.form);
  for (const detectors::FormField& field : reading.fields) {
    line("field", field.tag + " " + field.type + " " + field.name + " " + field.id + " " +
                      field.placeholder + " " + field.aria_label + " | " + field.label);
  }
  const detectors::PageContext context = detectors::analyse_page_context(root, page_url);
  line("health", context.health_context ? "yes" : "no");
  for (const std::string& term : context.health_terms) line("term", term);
  for (const std::string& kind : context.collects_pii) line("pii", kind);
  return out;
}

}  // namespace tagdrift::testing
