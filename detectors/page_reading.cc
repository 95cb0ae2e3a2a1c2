#include "detectors/page_reading.h"

#include <strings.h>

#include <algorithm>
#include <deque>
#include <memory>
#include <unordered_map>

#include "detectors/health_text.h"
#include "detectors/html_tree.h"
#include "util/curl_url.h"

namespace tagdrift::detectors {
namespace {

constexpr std::size_t kMaxPlaceBytes = 16 * 1024;  // per place read (title, h1, form, ...)
constexpr std::size_t kMaxLabelBytes = 1024;
constexpr std::size_t kMaxFields = 1000;

// The percent-decoded path of an absolute URL, a root-relative one or a bare path; empty when
// libcurl cannot read it.
std::string url_path(std::string_view url) {
  if (url.empty())
    return "/";  // what libcurl makes of "http://h/"; every element without an action
  std::string text(url);
  if (text.find("://") == std::string::npos) {
    text = (text.empty() || text[0] != '/' ? "http://h/" : "http://h") + text;
  }
  const CurlUrl handle = parse_curl_url(text);
  return handle ? url_part_text(handle.get(), CURLUPART_PATH, CURLU_URLDECODE) : std::string();
}

void append(std::string& place, std::string_view text, std::size_t budget = kMaxPlaceBytes) {
  if (place.size() >= budget) return;
  place.append(text.substr(0, budget - place.size()));
}

// Starts a new text in `place`, apart from what it already holds.
void start_text(std::string& place) {
  if (!place.empty()) place += kTextBreak;
}

std::string attribute(const GumboElement& element, const char* name) {
  const char* value = attribute_value(element, name);
  return value == nullptr ? std::string() : std::string(value);
}

// A form's own words: its id, class, name, aria-label and action path.
std::string form_words(const GumboElement& element) {
  return normalize_words(attribute(element, "id") + kTextBreak + attribute(element, "class") +
                             kTextBreak + attribute(element, "name") + kTextBreak +
                             attribute(element, "aria-label") + kTextBreak +
                             url_path(attribute(element, "action")),
                         true);
}

// Search regions are forms whose own words say "search", or landmarks marked role=search (the
// <search> element is unknown to Gumbo 0.10).
bool names_search(const GumboElement& element, std::string_view form_words) {
  switch (element.tag) {
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_UNKNOWN:
      break;
    default:
      return false;
  }
  if (element.attributes.length == 0) return false;
  const char* role = attribute_value(element, "role");
  if (role != nullptr && strcasecmp(role, "search") == 0) return true;
  if (element.tag != GUMBO_TAG_FORM) return false;
  return form_words.starts_with("search") || form_words.find(" search") != std::string::npos ||
         form_words.find("|search") != std::string::npos;
}

struct Label {
  std::string for_id;
  std::string text;
  bool in_search = false;
  std::size_t first_field = 0;  // the fields inside it: [first_field, end_field)
  std::size_t end_field = 0;
};

// What an element opened while the walk is inside it, undone when the walk leaves it.
struct Frame {
  const GumboNode* node = nullptr;
  bool reads = false;  // it pushed a reading (a null place: its text is not read); popped on leave
  bool form = false;
  bool search = false;
  Label* label = nullptr;
};

class Walk {
 public:
  explicit Walk(PageTexts& texts) : texts_(texts) {}
  void run(const GumboNode* root);
  void finish();
  const std::vector<FormField>& fields() const { return fields_; }

 private:
  bool enter(const GumboNode* node, Frame& frame);
  bool read_leaf(const GumboElement& element);
  void open(const GumboElement& element, Frame& frame, const std::string& form_words);
  void leave(const Frame& frame);
  void text(std::string_view text);
  void read_field(const GumboElement& element);
  void read_meta(const GumboElement& element);
  void read_into(Frame& frame, std::string* place, std::size_t budget = kMaxPlaceBytes);
  bool in_form() const { return form_depth_ > 0 && search_depth_ == 0; }

  struct Reading {
    std::string* place;  // nullptr: text here is not read
    std::size_t budget;
  };

  PageTexts& texts_;
  std::vector<Frame> frames_;
  std::vector<Reading> readings_;
  std::vector<FormField> fields_;
  std::deque<Label> labels_;
  int form_depth_ = 0;
  int search_depth_ = 0;
  bool title_seen_ = false;
};

void Walk::run(const GumboNode* root) {
  struct Step {
    const GumboNode* node;
    bool leaving;
  };
  std::vector<Step> stack{{root, false}};
  while (!stack.empty()) {
    Step step = stack.back();
    stack.pop_back();
    const GumboNode* node = step.node;
    if (step.leaving) {
      leave(frames_.back());
      frames_.pop_back();
      continue;
    }
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA) {
      text(node->v.text.text);
      continue;
    }
    if (node->type == GUMBO_NODE_WHITESPACE) {
      text(" ");
      continue;
    }
    const GumboVector* children = nullptr;
    if (node->type == GUMBO_NODE_DOCUMENT) {
      children = &node->v.document.children;
    } else if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE) {
      Frame frame{node};
      if (!enter(node, frame)) continue;
      if (frame.reads || frame.form || frame.search || frame.label != nullptr) {
        frames_.push_back(frame);
        stack.push_back({node, true});
      }
      children = &node->v.element.children;
    } else {
      continue;
    }
    // Text is only wanted inside a title, heading, label, legend or button being read.
    bool reading = !readings_.empty() && readings_.back().place != nullptr;
    for (unsigned i = children->length; i > 0; --i) {
      const auto* child = static_cast<const GumboNode*>(children->data[i - 1]);
      if (reading || child->type == GUMBO_NODE_ELEMENT || child->type == GUMBO_NODE_TEMPLATE) {
        stack.push_back({child, false});
      }
    }
  }
}

bool inline_tag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_A:
    case GUMBO_TAG_ABBR:
    case GUMBO_TAG_B:
    case GUMBO_TAG_CODE:
    case GUMBO_TAG_EM:
    case GUMBO_TAG_FONT:
    case GUMBO_TAG_I:
    case GUMBO_TAG_MARK:
    case GUMBO_TAG_S:
    case GUMBO_TAG_SMALL:
    case GUMBO_TAG_SPAN:
    case GUMBO_TAG_STRONG:
    case GUMBO_TAG_SUB:
    case GUMBO_TAG_SUP:
    case GUMBO_TAG_U:
      return true;
    default:
      return false;
  }
}

void Walk::read_into(Frame& frame, std::string* place, std::size_t budget) {
  if (place != nullptr) start_text(*place);
  readings_.push_back({place, budget});
  frame.reads = true;
}

bool Walk::enter(const GumboNode* node, Frame& frame) {
  const GumboElement& element = node->v.element;
  if (!inline_tag(element.tag)) text(" ");
  // SVG and MathML hold no forms or headings to read, and inline icons can be large.
  if (element.tag_namespace != GUMBO_NAMESPACE_HTML || read_leaf(element)) return false;
  std::string words = element.tag == GUMBO_TAG_FORM ? form_words(element) : std::string();
  if (names_search(element, words)) {
    frame.search = true;
    ++search_depth_;
  }
  open(element, frame, words);
  return true;
}

// Reads an element whose content is not walked; false for the others.
bool Walk::read_leaf(const GumboElement& element) {
  switch (element.tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_OPTION:
    case GUMBO_TAG_DATALIST:
      return true;
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
      read_field(element);
      return true;
    case GUMBO_TAG_META:
      read_meta(element);
      return true;
    default:
      return false;
  }
}

// Starts reading what the element holds, when it is a place the lens reads. A page's analysis
// parses only these elements' text in full: a new one belongs in kTextReadIn (skimmed_parse.h).
void Walk::open(const GumboElement& element, Frame& frame, const std::string& form_words) {
  switch (element.tag) {
    case GUMBO_TAG_TITLE:
      read_into(frame, title_seen_ ? nullptr : &texts_.title);
      title_seen_ = true;
      break;
    case GUMBO_TAG_H1:
      read_into(frame, &texts_.h1);
      break;
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
      read_into(frame, &texts_.subheadings);
      break;
    case GUMBO_TAG_FORM:
      frame.form = true;
      ++form_depth_;
      if (in_form()) {
        start_text(texts_.form);
        append(texts_.form, form_words);
      }
      break;
    case GUMBO_TAG_LABEL:
      labels_.push_back({attribute(element, "for"), "", search_depth_ > 0, fields_.size(), 0});
      frame.label = &labels_.back();
      read_into(frame, &frame.label->text, kMaxLabelBytes);
      break;
    case GUMBO_TAG_LEGEND:
    case GUMBO_TAG_BUTTON:
      if (in_form()) read_into(frame, &texts_.form);
      break;
    default:
      break;
  }
}

void Walk::leave(const Frame& frame) {
  if (frame.reads) readings_.pop_back();
  if (frame.form) --form_depth_;
  if (frame.search) --search_depth_;
  if (frame.label != nullptr) frame.label->end_field = fields_.size();
}

void Walk::text(std::string_view text) {
  if (readings_.empty() || readings_.back().place == nullptr) return;
  append(*readings_.back().place, text, readings_.back().budget);
}

void Walk::read_meta(const GumboElement& element) {
  const char* name = attribute_value(element, "name");
  const char* content = attribute_value(element, "content");
  if (name == nullptr || content == nullptr || strcasecmp(name, "description") != 0) return;
  start_text(texts_.meta);
  append(texts_.meta, content);
}

void Walk::read_field(const GumboElement& element) {
  if (fields_.size() >= kMaxFields) return;
  FormField field;
  field.tag = gumbo_normalized_tagname(element.tag);
  field.type = attribute(element, "type");
  field.name = attribute(element, "name");
  field.id = attribute(element, "id");
  field.autocomplete = attribute(element, "autocomplete");
  field.placeholder = attribute(element, "placeholder");
  field.aria_label = attribute(element, "aria-label");
  field.in_search_form = search_depth_ > 0;
  std::string type = normalize_words(field.type);
  if (in_form() && element.tag == GUMBO_TAG_INPUT && (type == "submit" || type == "button")) {
    start_text(texts_.form);
    append(texts_.form, attribute(element, "value"));
  }
  fields_.push_back(std::move(field));
}

// Gives fields their <label for> text and reads the labels and fields that are not search boxes.
void Walk::finish() {
  std::unordered_map<std::string, const Label*> by_for;
  for (const Label& label : labels_) {
    if (!label.for_id.empty()) by_for.emplace(label.for_id, &label);
    for (std::size_t i = label.first_field; i < label.end_field; ++i) {
      if (fields_[i].label.empty()) fields_[i].label = label.text;
    }
  }
  std::unordered_map<std::string, bool> ignored_by_id;
  for (FormField& field : fields_) {
    auto label = by_for.find(field.id);
    if (field.label.empty() && label != by_for.end()) field.label = label->second->text;
    if (!field.id.empty()) ignored_by_id.emplace(field.id, ignored_field(field));
    if (ignored_field(field)) continue;
    for (const std::string* part :
         {&field.name, &field.id, &field.placeholder, &field.aria_label}) {
      start_text(texts_.form);
      append(texts_.form, normalize_words(*part, true));
    }
  }
  for (const Label& label : labels_) {
    auto target = ignored_by_id.find(label.for_id);
    bool for_ignored = target != ignored_by_id.end() && target->second;
    bool wraps_only_ignored = label.first_field < label.end_field &&
                              std::all_of(fields_.begin() + label.first_field,
                                          fields_.begin() + label.end_field, ignored_field);
    if (label.in_search || for_ignored || wraps_only_ignored) continue;
    start_text(texts_.form);
    append(texts_.form, label.text);
  }
}

}  // namespace

PageReading read_page(const GumboNode* root, std::string_view page_url) {
  PageReading reading;
  reading.texts.path = url_path(page_url);
  Walk walk(reading.texts);
  if (root != nullptr) walk.run(root);
  walk.finish();
  reading.fields = walk.fields();
  return reading;
}

}  // namespace tagdrift::detectors
