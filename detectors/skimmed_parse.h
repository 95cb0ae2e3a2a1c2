// Parsing a page for what its readers take from it, faster than a full parse on pages of prose:
// Gumbo parses a copy with the unread text skimmed (html_skim.h), and the tree it builds is
// checked against the skim's estimate before it is used.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>

#include "util/html_parse.h"

namespace tagdrift::detectors {

// The elements whose text a detector or the health lens reads (page_reading.cc: title,
// headings, labels, legends and buttons; places.cc: <noscript> and <template> content, parsed
// again). Script and style bodies are raw text, never skimmed. Keep in step with those readers:
// tests/detectors/skimmed_parse_test.cc checks that they read the same from either parse.
inline constexpr std::string_view kTextReadIn[] = {"title",  "h1",     "h2",       "h3",
                                                   "h4",     "h5",     "h6",       "label",
                                                   "legend", "button", "noscript", "template"};

// parse_html() with the text outside kTextReadIn skimmed: what a page's analysis parses.
GumboOutputPtr parse_page_html(std::string_view html);

// The tree parse_html() gives, but for the text of elements outside `read_in` (lower-case
// names): links, attributes, comments, raw text, the text of `read_in` elements and line numbers
// are the same. Every skimmed run is checked to have become text that nothing reads: text
// outside the `read_in` elements, raw-text elements (script, style, ...), SVG and MathML, and
// the raw text of every <noscript>. If one did not (the skim's guess at the tree builder's
// stack was wrong), the page is parsed again in full. The output points into its own copy of
// the page, or into `html` when nothing was skimmed or the page was parsed again.
GumboOutputPtr parse_html_skimmed(std::string_view html, std::span<const std::string_view> read_in);

// How many parses parse_html_skimmed() has redone in full in this process (for benchmarks).
std::size_t skimmed_parses_redone();

}  // namespace tagdrift::detectors
