#include "detectors/template_text.h"

#include <array>

#include "detectors/html_tree.h"

namespace tagdrift::detectors {
namespace {

constexpr std::size_t kNone = std::string_view::npos;

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool starts_with_ci(std::string_view text, std::size_t at, std::string_view prefix) {
  if (at > text.size() || text.size() - at < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (lower(text[at + i]) != prefix[i]) return false;
  }
  return true;
}

// Finds a needle at or after a position that only moves forward. It remembers its last answer,
// and that there is none left, so every byte is searched at most once per needle.
class ForwardFinder {
 public:
  ForwardFinder(std::string_view text, std::string_view needle, bool ignore_case = false)
      : text_(text), needle_(needle), ignore_case_(ignore_case) {}

  std::size_t find(std::size_t from) {
    if (exhausted_) return kNone;
    if (found_ != kNone && found_ >= from) return found_;
    found_ = ignore_case_ ? search_ignoring_case(from) : text_.find(needle_, from);
    exhausted_ = found_ == kNone;
    return found_;
  }

 private:
  std::size_t search_ignoring_case(std::size_t from) const {
    for (std::size_t at = text_.find(needle_[0], from); at != kNone;
         at = text_.find(needle_[0], at + 1)) {
      if (starts_with_ci(text_, at, needle_)) return at;
    }
    return kNone;
  }

  std::string_view text_;
  std::string_view needle_;
  bool ignore_case_;
  std::size_t found_ = kNone;
  bool exhausted_ = false;
};

// A set of bytes to stop at, looked up in one step (find_first_of compares every candidate).
class ByteSet {
 public:
  constexpr explicit ByteSet(std::string_view bytes) {
    for (char c : bytes) member_[static_cast<unsigned char>(c)] = true;
  }
  bool has(char c) const { return member_[static_cast<unsigned char>(c)]; }

 private:
  std::array<bool, 256> member_{};
};

struct CommentSyntax {
  std::string_view open;
  std::string_view close;
};

// Longer openers first: "{{!--" must not be read as "{{!".
constexpr std::array<CommentSyntax, 7> kCommentSyntaxes = {{
    {"{{!--", "--}}"},
    {"{{--", "--}}"},
    {"{{!", "}}"},
    {"{#", "#}"},
    {"<%--", "--%>"},
    {"<%#", "%>"},
    {"@*", "*@"},
}};

enum class State { kData, kTag, kComment, kScriptBody };

class Scanner {
 public:
  explicit Scanner(std::string_view source);
  TemplateText run();

 private:
  bool at(std::size_t i, std::string_view text) const { return src_.substr(i).starts_with(text); }
  std::size_t step_markup(std::size_t i);
  std::size_t step_data(std::size_t i);
  std::size_t step_tag(std::size_t i);
  std::size_t step_comment(std::size_t i);
  std::size_t step_script(std::size_t i);
  std::size_t template_comment(std::size_t i);
  std::size_t liquid_comment(std::size_t i);
  std::size_t php_block(std::size_t i);
  std::size_t php_code_end(std::size_t i);
  std::size_t php_string_end(std::size_t i) const;
  std::size_t php_line_comment(std::size_t i);
  void set_aside(std::size_t begin, std::size_t end);
  void mask(std::size_t begin, std::size_t end);

  std::string_view src_;
  TemplateText out_;
  State state_ = State::kData;
  char quote_ = 0;
  bool script_tag_ = false;
  std::size_t comment_body_ = 0;
  std::size_t line_offset_ = 0;
  unsigned line_ = 1;
  std::vector<ForwardFinder> syntax_close_;
  ForwardFinder html_comment_close_{src_, "-->"};
  ForwardFinder script_close_{src_, "</script", true};
  ForwardFinder php_comment_close_{src_, "*/"};
  ForwardFinder liquid_tag_close_{src_, "%}"};
  ForwardFinder liquid_end_{src_, "endcomment"};
};

Scanner::Scanner(std::string_view source) : src_(source) {
  out_.html.assign(source);
  for (const CommentSyntax& syntax : kCommentSyntaxes)
    syntax_close_.emplace_back(src_, syntax.close);
}

TemplateText Scanner::run() {
  std::size_t i = 0;
  while (i < src_.size()) {
    switch (state_) {
      case State::kScriptBody:
        i = step_script(i);
        break;
      case State::kComment:
        i = step_comment(i);
        break;
      default:
        i = step_markup(i);
    }
  }
  return std::move(out_);
}

std::size_t Scanner::step_markup(std::size_t i) {
  // Jump to the next byte that can open a tag, a template construct or end this state.
  static constexpr ByteSet kInData("<{@");
  static constexpr ByteSet kInTag("<{@>=");
  static constexpr ByteSet kInDoubleQuotes("\"<{@");
  static constexpr ByteSet kInSingleQuotes("'<{@");
  const ByteSet& stops = state_ == State::kData ? kInData
                         : quote_ == '"'        ? kInDoubleQuotes
                         : quote_ == '\''       ? kInSingleQuotes
                                                : kInTag;
  while (i < src_.size() && !stops.has(src_[i])) ++i;
  if (i == src_.size()) return i;
  if (std::size_t end = template_comment(i); end != kNone) return end;
  if (std::size_t end = php_block(i); end != kNone) return end;
  return state_ == State::kData ? step_data(i) : step_tag(i);
}

std::size_t Scanner::step_data(std::size_t i) {
  if (src_[i] != '<') return i + 1;
  if (at(i, "<!--")) {
    state_ = State::kComment;
    comment_body_ = i + 4;
    return comment_body_;
  }
  std::size_t name = i + 1;
  bool end_tag = name < src_.size() && src_[name] == '/';
  if (end_tag) ++name;
  if (name < src_.size() && is_alpha(src_[name])) {
    std::size_t name_end = src_.find_first_of(" \t\n\f\r/>", name);
    if (name_end == kNone) name_end = src_.size();
    script_tag_ = !end_tag && name_end - name == 6 && starts_with_ci(src_, name, "script");
    state_ = State::kTag;
    quote_ = 0;
    return name_end;
  }
  if (!end_tag && name < src_.size() && (src_[name] == '!' || src_[name] == '?')) {
    script_tag_ = false;
    state_ = State::kTag;
    quote_ = 0;
    return name + 1;
  }
  return i + 1;
}

std::size_t Scanner::step_tag(std::size_t i) {
  char c = src_[i];
  if (quote_ != 0) {
    if (c == quote_) quote_ = 0;
    return i + 1;
  }
  if (c == '>') {
    state_ = script_tag_ ? State::kScriptBody : State::kData;
    return i + 1;
  }
  if (c != '=') return i + 1;
  std::size_t value = src_.find_first_not_of(" \t\n\f\r", i + 1);
  if (value == kNone) return src_.size();
  if (src_[value] == '"' || src_[value] == '\'') {
    quote_ = src_[value];
    return value + 1;
  }
  return value;
}

std::size_t Scanner::step_comment(std::size_t i) {
  state_ = State::kData;
  if (i == comment_body_ && at(i, ">")) return i + 1;
  if (i == comment_body_ && at(i, "->")) return i + 2;
  std::size_t close = html_comment_close_.find(i);
  return close == kNone ? src_.size() : close + 3;
}

std::size_t Scanner::step_script(std::size_t i) {
  state_ = State::kData;
  std::size_t close = script_close_.find(i);
  return close == kNone ? src_.size() : close;
}

std::size_t Scanner::template_comment(std::size_t i) {
  char c = src_[i];
  if (c != '{' && c != '<' && c != '@') return kNone;
  if (at(i, "{%")) return liquid_comment(i);
  for (std::size_t k = 0; k < kCommentSyntaxes.size(); ++k) {
    const CommentSyntax& syntax = kCommentSyntaxes[k];
    if (!at(i, syntax.open)) continue;
    std::size_t close = syntax_close_[k].find(i + syntax.open.size());
    if (close == kNone) return kNone;
    set_aside(i + syntax.open.size(), close);
    mask(i, close + syntax.close.size());
    return close + syntax.close.size();
  }
  return kNone;
}

// {% comment %} ... {% endcomment %}, with Liquid's "-" whitespace control and Django's note.
std::size_t Scanner::liquid_comment(std::size_t i) {
  std::size_t word = src_.find_first_not_of(" \t\n\r-", i + 2);
  if (word == kNone || !at(word, "comment")) return kNone;
  std::size_t after = word + 7;
  if (after < src_.size() && (is_alpha(src_[after]) || src_[after] == '_')) return kNone;
  std::size_t open_close = liquid_tag_close_.find(after);
  if (open_close == kNone) return kNone;
  std::size_t end_word = liquid_end_.find(open_close);
  if (end_word == kNone) return kNone;
  std::size_t close = liquid_tag_close_.find(end_word);
  if (close == kNone) return kNone;
  std::string_view body = src_.substr(open_close + 2, end_word - open_close - 2);
  std::size_t body_end = body.rfind("{%");
  set_aside(open_close + 2, open_close + 2 + (body_end == kNone ? body.size() : body_end));
  mask(i, close + 2);
  return close + 2;
}

std::size_t Scanner::php_block(std::size_t i) {
  if (!at(i, "<?")) return kNone;
  std::size_t code = i + 2;
  if (starts_with_ci(src_, code, "php")) {
    code += 3;
  } else if (at(code, "=")) {
    code += 1;
  } else if (code >= src_.size() || std::string_view(" \t\n\r").find(src_[code]) == kNone) {
    return kNone;
  }
  std::size_t end = php_code_end(code);
  bool kept_as_text =
      state_ == State::kTag && quote_ != 0 && src_.substr(i, end - i).find(quote_) == kNone;
  if (!kept_as_text) mask(i, end);
  return end;
}

// Scans PHP code to the "?>" that ends it (not one inside a string or block comment).
std::size_t Scanner::php_code_end(std::size_t i) {
  while (i < src_.size()) {
    char c = src_[i];
    char next = i + 1 < src_.size() ? src_[i + 1] : '\0';
    if (c == '?' && next == '>') return i + 2;
    if (c == '\'' || c == '"') {
      i = php_string_end(i);
    } else if (c == '/' && next == '*') {
      std::size_t close = php_comment_close_.find(i + 2);
      set_aside(i + 2, close == kNone ? src_.size() : close);
      i = close == kNone ? src_.size() : close + 2;
    } else if ((c == '/' && next == '/') || c == '#') {
      i = php_line_comment(i + (c == '#' ? 1 : 2));
    } else {
      ++i;
    }
  }
  return src_.size();
}

std::size_t Scanner::php_string_end(std::size_t i) const {
  char quote = src_[i];
  for (++i; i < src_.size(); ++i) {
    if (src_[i] == '\\') {
      ++i;
    } else if (src_[i] == quote) {
      return i + 1;
    }
  }
  return src_.size();
}

// A // or # comment ends at the line break or at a "?>" that leaves PHP.
std::size_t Scanner::php_line_comment(std::size_t i) {
  std::size_t end = i;
  while (end < src_.size() && src_[end] != '\n' && src_[end] != '\r' &&
         !(src_[end] == '?' && end + 1 < src_.size() && src_[end + 1] == '>')) {
    ++end;
  }
  set_aside(i, end);
  return end;
}

void Scanner::set_aside(std::size_t begin, std::size_t end) {
  if (end <= begin || !has_markup(src_.substr(begin, end - begin))) return;
  line_ += count_line_breaks(src_.substr(line_offset_, begin - line_offset_));
  line_offset_ = begin;
  out_.comments.push_back({begin, end, line_});
}

void Scanner::mask(std::size_t begin, std::size_t end) {
  for (std::size_t i = begin; i < end && i < out_.html.size(); ++i) {
    if (out_.html[i] != '\n' && out_.html[i] != '\r') out_.html[i] = ' ';
  }
}

}  // namespace

bool looks_like_template(std::string_view source) {
  for (std::string_view opener : {"<?", "{{", "{%", "{#", "<%", "@*", "@if"}) {
    if (source.find(opener) != kNone) return true;
  }
  return false;
}

TemplateText mask_template_syntax(std::string_view source) { return Scanner(source).run(); }

}  // namespace tagdrift::detectors
