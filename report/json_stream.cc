#include "report/json_stream.h"

#include <string>

namespace tagdrift::report {

namespace {

constexpr int kIndent = 2;

std::string dumped(const nlohmann::json& value) {
  return value.dump(kIndent, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

void JsonStream::newline_indent(std::size_t depth) {
  out_ << '\n';
  for (std::size_t i = 0; i < depth * kIndent; ++i) out_ << ' ';
}

void JsonStream::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (levels_.empty()) return;
  Level& level = levels_.back();
  if (level.count++ > 0) out_ << ',';
  newline_indent(levels_.size());
}

void JsonStream::open(char bracket, bool object) {
  before_value();
  out_ << bracket;
  levels_.push_back({object, 0});
}

void JsonStream::close(char bracket) {
  const bool empty = levels_.back().count == 0;
  levels_.pop_back();
  if (!empty) newline_indent(levels_.size());
  out_ << bracket;
  if (levels_.empty()) out_ << '\n';
}

void JsonStream::begin_object() { open('{', true); }
void JsonStream::end_object() { close('}'); }
void JsonStream::begin_array() { open('[', false); }
void JsonStream::end_array() { close(']'); }

void JsonStream::key(std::string_view name) {
  before_value();
  out_ << dumped(nlohmann::json(std::string(name))) << ": ";
  after_key_ = true;
}

void JsonStream::value(const nlohmann::json& value) {
  before_value();
  const std::string text = dumped(value);
  // A dump has raw newlines only between its own lines (strings escape theirs), so indenting the
  // value to this depth is indenting every line after its first.
  const std::size_t depth = levels_.size();
  std::size_t start = 0;
  for (std::size_t end = text.find('\n'); end != std::string::npos;
       start = end + 1, end = text.find('\n', start)) {
    out_.write(text.data() + start, static_cast<std::streamsize>(end - start));
    newline_indent(depth);
  }
  out_.write(text.data() + start, static_cast<std::streamsize>(text.size() - start));
  if (levels_.empty()) out_ << '\n';
}

}  // namespace tagdrift::report
