// The prose skim: a copy of a page with the text no detector or health reader reads cut short,
// made while the nesting guard (util/html_depth.h) walks the page. skimmed_parse.h parses it.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "util/html_depth.h"

namespace tagdrift::detectors {

// The prefix html_prefix_within_depth() keeps, copied with its text skimmed: a run of text
// (after a tag, in the tokenizer's data state) that lies in none of the `read_in` elements
// (lower-case names) and in no SVG or MathML keeps only its leading white space, its first
// character (a letter or digit, else the run is kept whole) and its line breaks (as "\n").
// Gumbo builds the same elements, attributes, comments and raw text from the copy, with the
// same line numbers, at a fraction of the cost on a page of prose: it spends hundreds of
// instructions on each character of text. The guard only estimates the tree builder's stack;
// where the skim cannot be sure a `read_in` element was closed (an end tag that the tree builder
// may ignore) or a script ended (a "<!--" and "<script" inside it), it copies the rest of the
// page as it is. parse_html_skimmed() (skimmed_parse.h) checks the estimate on the parsed tree.
struct SkimmedHtml {
  std::string html;
  std::vector<std::size_t> kept;  // where in `html` each skimmed run's first character is
};
SkimmedHtml skim_html_prefix(std::string_view html, std::span<const std::string_view> read_in,
                             std::size_t max_depth = kMaxHtmlDepth);

}  // namespace tagdrift::detectors
