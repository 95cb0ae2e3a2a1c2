#include "util/html_depth.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "util/ascii.h"

namespace tagdrift {
namespace {

// A scan that follows the HTML tokenizer closely enough to keep a stack of open elements that
// is never shallower than the one Gumbo's tree builder will keep: where the two could differ,
// it errs deeper (a false cut loses the links of a pathological page; a false pass would let
// one page stall a parser thread).

// Tag-name lists, space-separated. Start tags that never deepen the stack: void elements,
// elements that a sibling of their kind closes, and the skeleton the tree builder makes once.
constexpr std::string_view kVoidTags =
    "area base basefont bgsound br col embed frame hr image img input keygen link meta param "
    "source track wbr";
constexpr std::string_view kFlatTags =
    "p li dt dd option optgroup tr td th tbody thead tfoot colgroup caption rb rt rp rtc html "
    "head body frameset";

// Elements whose content the tokenizer reads as text up to their end tag (outside SVG/MathML).
constexpr std::string_view kRawTextTags = "script style textarea title xmp iframe noembed noframes";

// Elements that stop an end tag of another name from closing what lies below them ("special"
// and scope-boundary elements of the HTML standard that can be on our stack).
constexpr std::string_view kBlockingTags =
    "address applet article aside blockquote button center details dialog dir div dl fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup iframe listing main marquee "
    "menu nav noembed noframes noscript object ol plaintext pre script search section select "
    "style summary table template textarea title ul xmp svg math foreignobject desc mi mo mn ms "
    "mtext annotation-xml";

// Start tags that first deal with an open element of the same name: an <a> or <nobr> closes
// the earlier one (not what it contains), a <button> or <select> closes it with its content,
// a nested <form> is ignored.
constexpr std::string_view kReopeningTags = "a nobr button select form";

// End tags that close everything inside their element, special or not.
constexpr std::string_view kBoundaryTags = "table applet marquee object template svg math";

enum TagKind : unsigned {
  kFlat = 1,  // void elements too
  kVoid = 32,
  kRawText = 2,
  kBlocking = 4,
  kReopening = 8,
  kBoundary = 16,
};

// The kinds of each tag name in the lists above: an open-addressed table built once, since
// this runs for every tag of every page (a std::unordered_map lookup was 3 % of a parse).
class TagKinds {
 public:
  TagKinds() {
    const std::pair<std::string_view, unsigned> lists[] = {
        {kVoidTags, kFlat | kVoid}, {kFlatTags, kFlat},           {kRawTextTags, kRawText},
        {kBlockingTags, kBlocking}, {kReopeningTags, kReopening}, {kBoundaryTags, kBoundary}};
    for (const auto& [names, kind] : lists) {
      for (std::size_t at = 0; at < names.size();) {
        const std::size_t end = std::min(names.find(' ', at), names.size());
        slot(names.substr(at, end - at)).kinds |= kind;
        at = end + 1;
      }
    }
  }
  // The kinds of lower-case `name`; 0 for a name in no list.
  unsigned of(std::string_view name) const {
    for (std::size_t i = hash(name);; i = (i + 1) % kSlots) {
      if (slots_[i].name == name) return slots_[i].kinds;
      if (slots_[i].name.empty()) return 0;
    }
  }

 private:
  static constexpr std::size_t kSlots = 256;  // the lists name about 100 tags
  struct Slot {
    std::string_view name;
    unsigned kinds = 0;
  };
  static std::size_t hash(std::string_view name) {
    std::uint32_t h = 2166136261u;  // FNV-1a
    for (char c : name) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    return h % kSlots;
  }
  Slot& slot(std::string_view name) {
    std::size_t i = hash(name);
    while (!slots_[i].name.empty() && slots_[i].name != name) i = (i + 1) % kSlots;
    slots_[i].name = name;
    return slots_[i];
  }
  std::array<Slot, kSlots> slots_{};
};

unsigned tag_kinds(std::string_view name) {
  static const TagKinds kinds;
  return kinds.of(name);
}

bool is_heading(std::string_view name) {
  return name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6';
}

class DepthGuard {
 public:
  DepthGuard(std::string_view html, std::size_t max_depth, HtmlWalkHooks* hooks)
      : html_(html), max_depth_(max_depth), hooks_(hooks) {}
  std::size_t prefix_length();

 private:
  struct Tag {
    std::string name;  // lower case
    unsigned kinds = 0;
    bool end = false;
    bool self_closing = false;
  };
  struct Open {
    std::string name;
    unsigned kinds = 0;
  };
  std::size_t skip_markup_declaration(std::size_t at) const;
  std::size_t read_tag(std::size_t at, Tag& tag) const;
  std::size_t skip_attributes(std::size_t at, bool& self_closing) const;
  std::size_t skip_raw_text(std::size_t at, std::string_view name) const;
  bool start(const Tag& tag);
  void end(const Tag& tag);
  void pop_from(std::size_t index);
  void close(std::size_t index);

  std::string_view html_;
  std::size_t max_depth_;
  HtmlWalkHooks* hooks_;  // null: nobody watches
  std::vector<Open> open_;
  int foreign_ = 0;  // open <svg> and <math> elements
};

std::size_t DepthGuard::prefix_length() {
  constexpr auto npos = std::string_view::npos;
  std::size_t at = 0;
  std::size_t text = npos;  // where text after markup starts, in the tokenizer's data state
  while ((at = html_.find('<', at)) != npos) {
    if (text != npos && text < at && hooks_ != nullptr) hooks_->text(text, at, foreign_ > 0);
    text = npos;
    const std::size_t tag_start = at;
    const char next = at + 1 < html_.size() ? html_[at + 1] : '\0';
    bool raw_text = false;
    if (next == '!' || next == '?') {
      at = skip_markup_declaration(at);
    } else if (Tag tag; (at = read_tag(at, tag)) == tag_start) {
      at = tag_start + 1;  // a '<' that starts no tag is text
      continue;
    } else if (at == npos || tag.end) {
      if (at != npos) end(tag);
    } else if (foreign_ == 0 && tag.name == "plaintext") {
      return html_.size();
    } else if (!start(tag)) {
      return tag_start;
    } else if (foreign_ == 0 && (tag.kinds & kRawText) != 0) {
      const std::size_t body = at;
      at = skip_raw_text(at, tag.name);
      raw_text = true;
      if (hooks_ != nullptr && tag.name == "script") hooks_->script(body, at);
    }
    if (at == npos) return html_.size();  // the rest is a comment, a tag or text to the end
    if (!raw_text) text = at;
  }
  if (text != npos && text < html_.size() && hooks_ != nullptr) {
    hooks_->text(text, html_.size(), foreign_ > 0);
  }
  return html_.size();
}

// "<!--...-->" (with the abrupt "<!-->" and "<!--->" forms and "--!>"), or "<!...>" and
// "<?...>" up to the first '>'. Returns the index after it.
std::size_t DepthGuard::skip_markup_declaration(std::size_t at) const {
  constexpr auto npos = std::string_view::npos;
  if (foreign_ > 0 && html_.compare(at, 9, "<![CDATA[") == 0) {  // a CDATA section in SVG/MathML
    const std::size_t close = html_.find("]]>", at + 9);
    return close == npos ? npos : close + 3;
  }
  if (html_.compare(at, 4, "<!--") != 0) {
    const std::size_t close = html_.find('>', at);
    return close == npos ? npos : close + 1;
  }
  at += 4;
  if (html_.compare(at, 1, ">") == 0) return at + 1;
  if (html_.compare(at, 2, "->") == 0) return at + 2;
  // One pass for both endings: searching for each separately would rescan the rest of the
  // document for every comment that lacks the rarer one.
  while ((at = html_.find("--", at)) != npos) {
    if (html_.compare(at + 2, 1, ">") == 0) return at + 3;
    if (html_.compare(at + 2, 2, "!>") == 0) return at + 4;
    ++at;
  }
  return npos;
}

// Reads "<name ...>" or "</name ...>" at `at`. Returns `at` when no tag starts there, npos
// when the tag runs to the end of the input, else the index after its '>'.
std::size_t DepthGuard::read_tag(std::size_t at, Tag& tag) const {
  tag.end = html_.compare(at, 2, "</") == 0;
  std::size_t name_end = at + (tag.end ? 2 : 1);
  if (name_end >= html_.size() || !is_ascii_alpha(html_[name_end])) return at;
  const std::size_t name_start = name_end;
  while (name_end < html_.size() && !is_html_space(html_[name_end]) && html_[name_end] != '/' &&
         html_[name_end] != '>') {
    ++name_end;
  }
  // Known tag names are short; a long one is some unknown element either way.
  for (std::size_t i = name_start; i < std::min(name_end, name_start + 32); ++i) {
    tag.name += ascii_lower(html_[i]);
  }
  tag.kinds = tag_kinds(tag.name);
  return skip_attributes(name_end, tag.self_closing);
}

// The attribute part of a tag, after the tokenizer's states: a quote starts a quoted value
// (which may hold '>') only where a value may begin, after "name =".
std::size_t DepthGuard::skip_attributes(std::size_t at, bool& self_closing) const {
  enum { kBeforeName, kName, kAfterName, kBeforeValue, kUnquoted } state = kBeforeName;
  bool slash = false;  // the previous character was a '/' outside a value
  for (; at < html_.size(); ++at) {
    const char c = html_[at];
    if (c == '>') {
      self_closing = slash;
      return at + 1;
    }
    const bool space = is_html_space(c);
    slash = c == '/' && state != kUnquoted && state != kBeforeValue;
    if (state == kBeforeValue && (c == '"' || c == '\'')) {
      at = html_.find(c, at + 1);
      if (at == std::string_view::npos) return at;
      state = kBeforeName;
    } else if (state == kBeforeValue) {
      if (!space) state = kUnquoted;
    } else if (state == kUnquoted) {
      if (space) state = kBeforeName;
    } else if (slash) {
      state = kBeforeName;
    } else if (c == '=' && (state == kName || state == kAfterName)) {
      state = kBeforeValue;
    } else if (space) {
      state = state == kName || state == kAfterName ? kAfterName : kBeforeName;
    } else {
      state = kName;
    }
  }
  return std::string_view::npos;
}

// Index of the "</name" that ends raw text starting at `at`, or npos.
std::size_t DepthGuard::skip_raw_text(std::size_t at, std::string_view name) const {
  while ((at = html_.find("</", at)) != std::string_view::npos) {
    const std::size_t after = at + 2 + name.size();
    if (after <= html_.size() && iequals(html_.substr(at + 2, name.size()), name) &&
        (after == html_.size() || is_html_space(html_[after]) || html_[after] == '/' ||
         html_[after] == '>')) {
      return at;
    }
    at += 2;
  }
  return at;
}

// Applies a start tag; false when it would open an element deeper than the budget.
bool DepthGuard::start(const Tag& tag) {
  const std::string& name = tag.name;
  const unsigned kinds = tag.kinds;
  if ((kinds & kFlat) != 0) {
    if ((kinds & kVoid) == 0 && hooks_ != nullptr) hooks_->flat_start(name, open_.size());
    return true;
  }
  if (tag.self_closing && (foreign_ > 0 || name == "svg" || name == "math")) return true;
  if ((kinds & kReopening) != 0) {
    const auto open = std::find_if(open_.rbegin(), open_.rend(),
                                   [&](const Open& element) { return element.name == name; });
    if (open != open_.rend()) {
      const std::size_t index = open_.size() - 1 - static_cast<std::size_t>(open - open_.rbegin());
      if (name == "form") return true;  // a nested <form> is ignored
      if (name == "select" || name == "button") pop_from(index);
      if (name == "select") return true;  // a nested <select> only closes the open one
      if (name == "a" || name == "nobr") {
        close(index);
        open_.erase(open_.begin() + static_cast<std::ptrdiff_t>(index));
      }
    }
  } else if (is_heading(name) && !open_.empty() && is_heading(open_.back().name)) {
    pop_from(open_.size() - 1);
  }
  if (open_.size() >= max_depth_) return false;
  open_.push_back({name, kinds});
  if (hooks_ != nullptr) hooks_->opened(name, open_.size() - 1);
  if (name == "svg" || name == "math") ++foreign_;
  return true;
}

// An end tag closes the nearest open element of its name, unless an element that blocks end
// tags lies in between; a table (or another scope boundary) closes whatever it contains.
void DepthGuard::end(const Tag& tag) {
  const std::string& name = tag.name;
  const unsigned kinds = tag.kinds;
  if ((kinds & kFlat) != 0) {
    if (hooks_ != nullptr) hooks_->flat_end(name, open_.size());
    return;
  }
  const bool boundary = (kinds & kBoundary) != 0;
  for (std::size_t i = open_.size(); i > 0; --i) {
    if (open_[i - 1].name == name) return pop_from(i - 1);
    if (!boundary && (open_[i - 1].kinds & kBlocking) != 0) return;
  }
}

void DepthGuard::pop_from(std::size_t index) {
  for (std::size_t i = open_.size(); i > index; --i) close(i - 1);
  open_.resize(index);
}

// Takes the element at `index` off the stack's books; the caller then removes it.
void DepthGuard::close(std::size_t index) {
  const Open& element = open_[index];
  if (element.name == "svg" || element.name == "math") --foreign_;
  if (hooks_ != nullptr) hooks_->closed(index);
}

}  // namespace

std::size_t html_prefix_within_depth(std::string_view html, std::size_t max_depth) {
  return DepthGuard(html, max_depth, nullptr).prefix_length();
}

std::size_t walk_html_within_depth(std::string_view html, HtmlWalkHooks& hooks,
                                   std::size_t max_depth) {
  return DepthGuard(html, max_depth, &hooks).prefix_length();
}

}  // namespace tagdrift
