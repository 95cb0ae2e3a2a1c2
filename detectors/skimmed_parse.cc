#include "detectors/skimmed_parse.h"

#include <algorithm>
#include <atomic>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "detectors/html_skim.h"
#include "detectors/noscript_text.h"

namespace tagdrift::detectors {
namespace {

std::atomic<std::size_t> redone{0};

struct Span {
  std::size_t begin;
  std::size_t end;
};

// Elements whose text some reader takes: the `read_in` ones and every raw-text element.
class ReadTags {
 public:
  explicit ReadTags(std::span<const std::string_view> read_in) {
    for (std::string_view name : read_in) {
      tags_.push_back(gumbo_tagn_enum(name.data(), static_cast<unsigned>(name.size())));
    }
    for (GumboTag tag : {GUMBO_TAG_SCRIPT, GUMBO_TAG_STYLE, GUMBO_TAG_TEXTAREA, GUMBO_TAG_TITLE,
                         GUMBO_TAG_XMP, GUMBO_TAG_IFRAME, GUMBO_TAG_NOEMBED, GUMBO_TAG_NOFRAMES,
                         GUMBO_TAG_PLAINTEXT, GUMBO_TAG_NOSCRIPT}) {
      tags_.push_back(tag);
    }
  }
  bool read(const GumboNode& node) const {
    if (node.type == GUMBO_NODE_TEMPLATE) return true;
    const GumboElement& element = node.v.element;
    return element.tag_namespace != GUMBO_NAMESPACE_HTML ||
           std::find(tags_.begin(), tags_.end(), element.tag) != tags_.end();
  }

 private:
  std::vector<GumboTag> tags_;
};

// Where each <noscript>'s raw text may end in `source`, in order.
std::vector<std::size_t> noscript_ends(std::string_view source) {
  std::vector<std::size_t> ends;
  for (std::size_t at = find_noscript_end(source); at != std::string_view::npos;
       at = find_noscript_end(source, at + 1)) {
    ends.push_back(at);
  }
  return ends;
}

// The text nodes nothing reads, and the raw text of each <noscript>, as spans of `source`.
void unread_spans(const GumboNode* root, std::string_view source, const ReadTags& tags,
                  std::vector<Span>& unread, std::vector<Span>& noscripts) {
  struct Step {
    const GumboNode* node;
    bool read;
  };
  std::vector<Step> stack{{root, false}};
  while (!stack.empty()) {
    const Step step = stack.back();
    stack.pop_back();
    const GumboNode& node = *step.node;
    const GumboVector* children = nullptr;
    bool read = step.read;
    if (node.type == GUMBO_NODE_TEXT || node.type == GUMBO_NODE_WHITESPACE) {
      const GumboStringPiece& text = node.v.text.original_text;
      if (!read && text.data != nullptr) {
        const auto begin = static_cast<std::size_t>(text.data - source.data());
        unread.push_back({begin, begin + text.length});
      }
    } else if (node.type == GUMBO_NODE_DOCUMENT) {
      children = &node.v.document.children;
    } else if (node.type == GUMBO_NODE_ELEMENT || node.type == GUMBO_NODE_TEMPLATE) {
      const GumboElement& element = node.v.element;
      if (element.tag == GUMBO_TAG_NOSCRIPT && element.original_tag.data != nullptr) {
        const auto begin = static_cast<std::size_t>(element.original_tag.data - source.data()) +
                           element.original_tag.length;
        noscripts.push_back({begin, begin});  // its end is found once all are known
      }
      read = read || tags.read(node);
      children = &element.children;
    }
    if (children == nullptr) continue;
    for (unsigned i = children->length; i > 0; --i) {
      stack.push_back({static_cast<const GumboNode*>(children->data[i - 1]), read});
    }
  }
}

void sort_spans(std::vector<Span>& spans) {
  std::sort(spans.begin(), spans.end(),
            [](const Span& a, const Span& b) { return a.begin < b.begin; });
}

// `spans` sorted, overlapping ones joined.
std::vector<Span> merged(std::vector<Span> spans) {
  sort_spans(spans);
  std::vector<Span> out;
  for (const Span& span : spans) {
    if (!out.empty() && span.begin <= out.back().end) {
      out.back().end = std::max(out.back().end, span.end);
    } else {
      out.push_back(span);
    }
  }
  return out;
}

// The parts of `spans` outside `holes` (disjoint and sorted).
std::vector<Span> without(const std::vector<Span>& spans, const std::vector<Span>& holes) {
  std::vector<Span> out;
  for (const Span& span : spans) {
    // The first hole that ends after the span begins; holes from there on may cut it.
    auto hole = std::upper_bound(holes.begin(), holes.end(), span.begin,
                                 [](std::size_t x, const Span& h) { return x < h.end; });
    std::size_t begin = span.begin;
    for (; hole != holes.end() && hole->begin < span.end && begin < span.end; ++hole) {
      if (hole->begin > begin) out.push_back({begin, hole->begin});
      begin = std::max(begin, hole->end);
    }
    if (begin < span.end) out.push_back({begin, span.end});
  }
  return out;
}

// True when each skimmed run begins inside a text node nothing reads and outside the raw text
// of every <noscript>. A run holds one character and line breaks, which change no tokenizer
// state, so where its first character lands, the whole run does.
bool skim_unread(const GumboNode* root, std::string_view source,
                 const std::vector<std::size_t>& kept, const ReadTags& tags) {
  std::vector<Span> unread;
  std::vector<Span> noscripts;
  unread_spans(root, source, tags, unread, noscripts);
  if (!noscripts.empty()) {
    // Each <noscript>'s raw text runs to the next "</noscript" or the end, as places.cc reads
    // it (noscript_text.h); merged into disjoint spans, sorted.
    const std::vector<std::size_t> ends = noscript_ends(source);
    for (Span& noscript : noscripts) {
      const auto end = std::lower_bound(ends.begin(), ends.end(), noscript.begin);
      noscript.end = end == ends.end() ? source.size() : *end;
    }
    unread = without(unread, merged(std::move(noscripts)));
  }
  sort_spans(unread);
  for (std::size_t at : kept) {
    auto after = std::upper_bound(unread.begin(), unread.end(), at,
                                  [](std::size_t x, const Span& span) { return x < span.begin; });
    if (after == unread.begin() || std::prev(after)->end <= at) return false;
  }
  return true;
}

}  // namespace

GumboOutputPtr parse_page_html(std::string_view html) {
  return parse_html_skimmed(html, kTextReadIn);
}

GumboOutputPtr parse_html_skimmed(std::string_view html,
                                  std::span<const std::string_view> read_in) {
  SkimmedHtml skimmed = skim_html_prefix(html, read_in);
  if (skimmed.kept.empty()) return parse_html(html);
  auto source = std::make_unique<const std::string>(std::move(skimmed.html));
  const std::string_view text(*source);
  GumboOutputPtr output = parse_owned_html(std::move(source));
  if (skim_unread(output->root, text, skimmed.kept, ReadTags(read_in))) return output;
  redone.fetch_add(1, std::memory_order_relaxed);
  return parse_html(html);
}

std::size_t skimmed_parses_redone() { return redone.load(); }

}  // namespace tagdrift::detectors
