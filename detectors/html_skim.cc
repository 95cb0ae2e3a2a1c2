#include "detectors/html_skim.h"

#include <algorithm>
#include <utility>

#include "util/ascii.h"

namespace tagdrift::detectors {
namespace {

// Follows the guard's walk and copies the page, cutting each run of unread text.
class Skimmer : public HtmlWalkHooks {
 public:
  Skimmer(std::string_view html, std::span<const std::string_view> read_in)
      : html_(html), read_in_(read_in) {
    out_.html.reserve(html.size() / 2);
  }
  // The copy, given the length of the prefix the guard kept.
  SkimmedHtml finish(std::size_t length);

  void text(std::size_t from, std::size_t to, bool foreign) override;
  void opened(std::string_view name, std::size_t index) override;
  void closed(std::size_t index) override;
  void flat_start(std::string_view name, std::size_t depth) override;
  void flat_end(std::string_view name, std::size_t depth) override;
  void script(std::size_t from, std::size_t to) override;

 private:
  // A p, li, td, ... (not on the stack) opened while a read element is open.
  struct Flat {
    std::string name;
    std::size_t depth;  // the stack's size when it opened
  };

  std::string_view html_;
  std::span<const std::string_view> read_in_;
  SkimmedHtml out_;
  std::size_t copied_ = 0;            // html_ up to here is in `out_`
  std::vector<std::size_t> reading_;  // stack indices of the open elements whose text is read
  std::vector<Flat> flats_;           // opened inside them, by when they opened (see closed())
  bool keep_rest_ = false;            // skim nothing more
};

SkimmedHtml Skimmer::finish(std::size_t length) {
  if (copied_ < length) out_.html.append(html_.substr(copied_, length - copied_));
  return std::move(out_);
}

// Cuts the text [from, to) short when nothing reads it: Gumbo then spends its per-character
// work on what the detectors and the health lens use. What stays makes the same tree with the
// same line numbers: the leading white space and first character (so that a text node still
// exists, is not white space, and moves the tree builder on as before: it ends <head>, is
// foster-parented out of a table, ...) and one line break for each of the text's.
void Skimmer::text(std::size_t from, std::size_t to, bool foreign) {
  constexpr std::size_t kWorthSkimming = 32;
  if (!reading_.empty() || keep_rest_ || foreign || to - from < kWorthSkimming) return;
  std::size_t first = from;
  while (first < to && is_html_space(html_[first])) ++first;
  // A letter or digit is a character token of its own, never the start of a reference.
  if (first == to || !is_ascii_alnum(html_[first])) return;
  std::string& out = out_.html;
  out.append(html_.substr(copied_, first + 1 - copied_));
  out_.kept.push_back(out.size() - 1);
  const std::string_view rest = html_.substr(first + 1, to - first - 1);
  if (rest.find('\r') == std::string_view::npos) {  // memchr, as the common case deserves
    for (std::size_t i = rest.find('\n'); i != std::string_view::npos; i = rest.find('\n', i + 1)) {
      out += '\n';
    }
  } else {
    for (std::size_t i = 0; i < rest.size(); ++i) {
      if (rest[i] == '\n' || rest[i] == '\r') out += '\n';  // "\r\n", "\r", "\n": one each
      if (rest[i] == '\r' && i + 1 < rest.size() && rest[i + 1] == '\n') ++i;
    }
  }
  copied_ = to;
}

void Skimmer::opened(std::string_view name, std::size_t index) {
  if (std::find(read_in_.begin(), read_in_.end(), name) != read_in_.end())
    reading_.push_back(index);
}

// Gumbo keeps a read element open where the guard closes it in one case that matters: an end
// tag that meets an open p, li, td, ... (special elements the guard does not stack) before its
// element is ignored by the tree builder. So when a flat element opened inside a read one is
// not known to be closed, the rest of the page is kept whole.
void Skimmer::closed(std::size_t index) {
  if (reading_.empty() || reading_.back() < index) return;  // no read element moves
  auto at = std::lower_bound(reading_.begin(), reading_.end(), index);
  const bool read = *at == index;
  if (read) at = reading_.erase(at);
  for (auto above = at; above != reading_.end(); ++above) --*above;
  if (!read) return;
  keep_rest_ = keep_rest_ || std::any_of(flats_.begin(), flats_.end(),
                                         [index](const Flat& flat) { return flat.depth > index; });
  if (reading_.empty()) flats_.clear();
}

void Skimmer::flat_start(std::string_view name, std::size_t depth) {
  constexpr std::size_t kMaxFlats = 64;
  if (reading_.empty()) return;
  keep_rest_ = keep_rest_ || flats_.size() >= kMaxFlats;
  if (!keep_rest_) flats_.push_back({std::string(name), depth});
}

// Closes the last flat element opened, when it has this name and nothing was stacked since.
void Skimmer::flat_end(std::string_view name, std::size_t depth) {
  if (!flats_.empty() && flats_.back().name == name && flats_.back().depth == depth) {
    flats_.pop_back();
  }
}

// A script body that holds "<!--" and then "<script" puts the tokenizer in its double-escaped
// state, in which "</script>" does not end the script: the script may run on past the end the
// guard found, so nothing after it is skimmed.
void Skimmer::script(std::size_t from, std::size_t to) {
  const std::string_view body = html_.substr(from, to == std::string_view::npos ? to : to - from);
  const std::size_t escape = body.find("<!--");
  if (escape == std::string_view::npos) return;
  for (std::size_t at = body.find('<', escape + 4); at != std::string_view::npos;
       at = body.find('<', at + 1)) {
    if (iequals(body.substr(at, 7), "<script")) {
      keep_rest_ = true;
      return;
    }
  }
}

}  // namespace

SkimmedHtml skim_html_prefix(std::string_view html, std::span<const std::string_view> read_in,
                             std::size_t max_depth) {
  Skimmer skimmer(html, read_in);
  const std::size_t length = walk_html_within_depth(html, skimmer, max_depth);
  return skimmer.finish(length);
}

}  // namespace tagdrift::detectors
