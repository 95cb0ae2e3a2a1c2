// A guard in front of Gumbo: how much of a page can be parsed without nesting deeper than a
// browser would. Gumbo's tree building takes time quadratic in the nesting depth.
#pragma once

#include <cstddef>
#include <string_view>

namespace tagdrift {

// Deeper HTML is cut off before it reaches Gumbo. Browsers cap the depth of the tree they build
// near here too.
inline constexpr std::size_t kMaxHtmlDepth = 512;

// The length of the longest prefix of `html` whose elements nest at most `max_depth` deep, by
// a conservative estimate of the HTML tree builder's stack of open elements. Anything that
// parses HTML with Gumbo should parse only this prefix.
std::size_t html_prefix_within_depth(std::string_view html, std::size_t max_depth = kMaxHtmlDepth);

// What the guard's walk sees, in document order, for a reader that follows the tokens without a
// tokenizer of its own (detectors/html_skim.h). Offsets are into the walked `html`; names are
// lower case; the stack is the guard's estimate of the tree builder's (p, li, td, ... and void
// elements are never on it).
class HtmlWalkHooks {
 public:
  virtual ~HtmlWalkHooks() = default;
  // Text (never empty) from a tag's end to the next '<' that starts markup, in the tokenizer's
  // data state; `foreign`: inside SVG or MathML.
  virtual void text(std::size_t from, std::size_t to, bool foreign) = 0;
  // An element was pushed at stack index `index`.
  virtual void opened(std::string_view name, std::size_t index) = 0;
  // The element at stack index `index` left the stack; those above it move down one.
  virtual void closed(std::size_t index) = 0;
  // A start or end tag of an element that is kept off the stack (p, li, td, ...; a start tag of
  // a void element is not reported), with the stack's size at the time.
  virtual void flat_start(std::string_view name, std::size_t depth) = 0;
  virtual void flat_end(std::string_view name, std::size_t depth) = 0;
  // A <script>'s raw text [from, to); `to` is npos when it runs to the end.
  virtual void script(std::size_t from, std::size_t to) = 0;
};

// html_prefix_within_depth(), reporting its walk to `hooks`.
std::size_t walk_html_within_depth(std::string_view html, HtmlWalkHooks& hooks,
                                   std::size_t max_depth = kMaxHtmlDepth);

}  // namespace tagdrift
