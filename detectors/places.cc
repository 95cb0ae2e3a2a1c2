#include "detectors/places.h"

#include <algorithm>
#include <string>

#include "detectors/element_places.h"
#include "detectors/html_tree.h"
#include "detectors/noscript_text.h"
#include "detectors/template_text.h"
#include "detectors/url_for_matching.h"

namespace tagdrift::detectors {
namespace {

// Cheap per-page cap on data-* places: a page of widgets can carry thousands of them.
constexpr std::size_t kMaxDataAttributes = 2000;

// How a tree was reached: the page itself, a comment's text, or a <noscript>'s raw content.
struct WalkContext {
  bool commented = false;
  bool in_noscript = false;
  std::size_t depth = 0;    // comment levels read again so far
  unsigned first_line = 1;  // page line of the first line of the parsed text
};

// What one tree walk leaves for afterwards: text to parse again, and the source it came from.
struct TreeScan {
  std::vector<const GumboNode*> comments;
  std::vector<const GumboElement*> noscripts;
  std::vector<const char*> origins;  // source position of each place found, from `first`
  std::size_t first = 0;
  const char* source_end = nullptr;  // end of the furthest source text any node points at
};

struct SourceRange {
  const char* begin;
  const char* end;
  bool holds(const char* at) const { return at != nullptr && at >= begin && at < end; }
};

void note_end(const GumboStringPiece& piece, TreeScan& scan) {
  if (piece.data == nullptr) return;
  const char* end = piece.data + piece.length;
  if (scan.source_end == nullptr || end > scan.source_end) scan.source_end = end;
}

// Raw text of a <noscript>: up to its end (noscript_text.h) or the source's end.
SourceRange noscript_content(const GumboElement& noscript, const char* source_end) {
  const char* begin = noscript.original_tag.data + noscript.original_tag.length;
  if (source_end == nullptr || source_end < begin) return {begin, begin};
  const std::size_t end =
      find_noscript_end(std::string_view(begin, static_cast<std::size_t>(source_end - begin)));
  return {begin, end == std::string_view::npos ? source_end : begin + end};
}

class PlaceWalk {
 public:
  PlaceWalk(std::string_view page_url, const PlaceLimits& limits)
      : page_url_(page_url),
        limits_(limits),
        budget_{limits.max_places, limits.max_inline_bytes, kMaxDataAttributes} {}

  void walk_text(std::string_view text, const WalkContext& context);
  void walk_tree(const GumboNode* root, const WalkContext& context);
  std::vector<Place> finish();

 private:
  void visit_element(const GumboElement& element, const WalkContext& context, TreeScan& scan);
  void drop_noscript_content(TreeScan& scan);
  void read_comment(const GumboNode& comment, const WalkContext& context);
  void read_noscript(const GumboElement& noscript, const TreeScan& scan,
                     const WalkContext& context);

  std::string_view page_url_;
  PlaceLimits limits_;
  ElementBudget budget_;
  std::vector<Place> places_;
  std::string base_href_;
  bool have_base_ = false;
};

void PlaceWalk::walk_text(std::string_view text, const WalkContext& context) {
  if (!looks_like_template(text)) {
    GumboOutputPtr output = parse_html(text);
    walk_tree(output->document, context);
    return;
  }
  TemplateText masked = mask_template_syntax(text);
  GumboOutputPtr output = parse_html(masked.html);
  walk_tree(output->document, context);
  if (context.depth >= limits_.max_comment_reparse_depth) return;
  for (const TemplateComment& comment : masked.comments) {
    std::string_view body = text.substr(comment.begin, comment.end - comment.begin);
    if (!may_hold_places(body, context.in_noscript)) continue;
    WalkContext inner = context;
    inner.commented = true;
    inner.depth = context.depth + 1;
    inner.first_line = context.first_line + comment.line - 1;
    walk_text(body, inner);
  }
}

void PlaceWalk::walk_tree(const GumboNode* root, const WalkContext& context) {
  if (root == nullptr) return;
  TreeScan scan;
  scan.first = places_.size();
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE) {
      visit_element(node->v.element, context, scan);
    } else if (node->type == GUMBO_NODE_DOCUMENT) {
      const GumboVector& children = node->v.document.children;
      for (unsigned i = children.length; i > 0; --i) {
        stack.push_back(static_cast<const GumboNode*>(children.data[i - 1]));
      }
      continue;
    } else {
      note_end(node->v.text.original_text, scan);
      if (node->type == GUMBO_NODE_COMMENT) scan.comments.push_back(node);
      continue;
    }
    const GumboVector& children = node->v.element.children;
    for (unsigned i = children.length; i > 0; --i) {
      stack.push_back(static_cast<const GumboNode*>(children.data[i - 1]));
    }
  }
  drop_noscript_content(scan);
  for (const GumboNode* comment : scan.comments) read_comment(*comment, context);
  for (const GumboElement* noscript : scan.noscripts) read_noscript(*noscript, scan, context);
}

void PlaceWalk::visit_element(const GumboElement& element, const WalkContext& context,
                              TreeScan& scan) {
  note_end(element.original_tag, scan);
  note_end(element.original_end_tag, scan);
  if (element.tag == GUMBO_TAG_NOSCRIPT && !context.in_noscript) {
    if (element.original_tag.data != nullptr) scan.noscripts.push_back(&element);
    return;
  }
  if (element.tag == GUMBO_TAG_BASE && !have_base_ && !context.commented && !context.in_noscript) {
    const char* href = attribute_value(element, "href");
    have_base_ = href != nullptr;
    if (have_base_) base_href_ = href;
  }
  ElementScope scope{context.commented, context.in_noscript,
                     context.first_line + element.start_pos.line - 1};
  collect_element_places(element, scope, budget_, places_);
  scan.origins.resize(places_.size() - scan.first, element.original_tag.data);
}

// Gumbo parses <noscript> as markup (scripting off), and in <head> an <img> even escapes it.
// Browsers that run the tags read it as raw text, so whatever Gumbo found inside its raw text
// is dropped here and read again from that text.
void PlaceWalk::drop_noscript_content(TreeScan& scan) {
  if (scan.noscripts.empty()) return;
  std::vector<SourceRange> ranges;
  for (const GumboElement* noscript : scan.noscripts) {
    ranges.push_back(noscript_content(*noscript, scan.source_end));
  }
  auto inside = [&ranges](const char* at) {
    return std::any_of(ranges.begin(), ranges.end(),
                       [at](const SourceRange& range) { return range.holds(at); });
  };
  std::size_t kept = scan.first;
  for (std::size_t i = scan.first; i < places_.size(); ++i) {
    if (inside(scan.origins[i - scan.first])) continue;
    if (kept != i) places_[kept] = std::move(places_[i]);
    ++kept;
  }
  places_.resize(kept);
  std::erase_if(scan.comments, [&inside](const GumboNode* comment) {
    return inside(comment->v.text.original_text.data);
  });
}

void PlaceWalk::read_comment(const GumboNode& comment, const WalkContext& context) {
  std::string_view text(comment.v.text.text);
  // "<?php ... >" is a bogus comment to an HTML parser, but server code, not commented markup.
  if (text.starts_with('?')) return;
  if (context.depth >= limits_.max_comment_reparse_depth ||
      !may_hold_places(text, context.in_noscript)) {
    return;
  }
  WalkContext inner = context;
  inner.commented = true;
  inner.depth = context.depth + 1;
  inner.first_line = context.first_line + comment.v.text.start_pos.line - 1;
  walk_text(text.substr(0, limits_.max_inline_bytes), inner);
}

void PlaceWalk::read_noscript(const GumboElement& noscript, const TreeScan& scan,
                              const WalkContext& context) {
  SourceRange content = noscript_content(noscript, scan.source_end);
  std::string_view text(content.begin, static_cast<std::size_t>(content.end - content.begin));
  if (!may_hold_places(text, /*in_noscript=*/true)) return;
  std::string_view tag(noscript.original_tag.data, noscript.original_tag.length);
  WalkContext inner = context;
  inner.in_noscript = true;
  inner.first_line = context.first_line + noscript.start_pos.line - 1 + count_line_breaks(tag);
  walk_text(text, inner);
}

std::vector<Place> PlaceWalk::finish() {
  std::string base(page_url_);
  if (have_base_) base = url_for_matching(page_url_, base_href_);
  for (Place& place : places_) {
    if (is_url_place(place.kind)) place.value = url_for_matching(base, place.raw);
  }
  // Places read again from comments and noscripts were appended after the walk: order by
  // line, moving each place once.
  auto by_line = [](const Place& a, const Place& b) { return a.line < b.line; };
  if (std::is_sorted(places_.begin(), places_.end(), by_line)) return std::move(places_);
  std::vector<std::size_t> order(places_.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [this](std::size_t a, std::size_t b) {
    return places_[a].line < places_[b].line;
  });
  std::vector<Place> sorted;
  sorted.reserve(places_.size());
  for (std::size_t i : order) sorted.push_back(std::move(places_[i]));
  return sorted;
}

}  // namespace

std::vector<Place> extract_places(const GumboNode* root, std::string_view page_url,
                                  const PlaceLimits& limits) {
  PlaceWalk walk(page_url, limits);
  walk.walk_tree(root, WalkContext{});
  return walk.finish();
}

std::vector<Place> extract_places_from_html(std::string_view html, std::string_view page_url,
                                            const PlaceLimits& limits) {
  PlaceWalk walk(page_url, limits);
  walk.walk_text(html, WalkContext{});
  return walk.finish();
}

}  // namespace tagdrift::detectors
