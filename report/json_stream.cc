#include "report/json_stream.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <string>

namespace tagdrift::report {

namespace {

constexpr int kIndent = 2;
constexpr std::size_t kFlushAt = 64 * 1024;

std::string dumped(const nlohmann::json& value) {
  return value.dump(kIndent, ' ', false, nlohmann::json::error_handler_t::replace);
}

bool plain_char(char c) { return c >= 0x20 && c < 0x7f && c != '"' && c != '\\'; }

// Bytes of `word` below `n` (n <= 128) or equal to zero get their top bit set; others do not.
constexpr std::uint64_t kOnes = 0x0101010101010101, kTops = 0x8080808080808080;
std::uint64_t below(std::uint64_t word, std::uint64_t n) {
  return (word - kOnes * n) & ~word & kTops;
}
std::uint64_t equal(std::uint64_t word, char c) {
  return below(word ^ (kOnes * static_cast<unsigned char>(c)), 1);
}

// Printable ASCII with nothing to escape: dump() writes it as it is, between quotes. Eight bytes
// at a time: the JSON report checks every URL and snippet it writes (a 20,000-page rescan's
// report, 1.2 million strings, spent 5 % of the main thread here a byte at a time).
bool plain(std::string_view text) {
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, text.data() + i, 8);
    const std::uint64_t escaped = below(word, 0x20) | (word & kTops) | equal(word, 0x7f) |
                                  equal(word, '"') | equal(word, '\\');
    if (escaped != 0) return false;
  }
  return std::all_of(text.begin() + static_cast<std::ptrdiff_t>(i), text.end(), plain_char);
}

}  // namespace

void JsonStream::write(std::string_view text) {
  buffer_.append(text);
  if (buffer_.size() >= kFlushAt) flush();
}

void JsonStream::flush() {
  out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  buffer_.clear();
}

void JsonStream::newline_indent(std::size_t depth) {
  buffer_.push_back('\n');
  buffer_.append(depth * kIndent, ' ');
}

void JsonStream::quoted(std::string_view text) {
  if (!plain(text)) {
    write(dumped(nlohmann::json(std::string(text))));
    return;
  }
  buffer_.push_back('"');
  buffer_.append(text);
  buffer_.push_back('"');
  if (buffer_.size() >= kFlushAt) flush();
}

void JsonStream::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (levels_.empty()) return;
  Level& level = levels_.back();
  if (level.count++ > 0) buffer_.push_back(',');
  newline_indent(levels_.size());
}

void JsonStream::open(char bracket, bool object) {
  before_value();
  buffer_.push_back(bracket);
  levels_.push_back({object, 0});
}

void JsonStream::close(char bracket) {
  const bool empty = levels_.back().count == 0;
  levels_.pop_back();
  if (!empty) newline_indent(levels_.size());
  buffer_.push_back(bracket);
  end_value();
}

void JsonStream::begin_object() { open('{', true); }
void JsonStream::end_object() { close('}'); }
void JsonStream::begin_array() { open('[', false); }
void JsonStream::end_array() { close(']'); }

void JsonStream::key(std::string_view name) {
  before_value();
  quoted(name);
  buffer_.append(": ");
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
    buffer_.append(text, start, end - start);
    newline_indent(depth);
  }
  write(std::string_view(text).substr(start));
  end_value();
}

void JsonStream::end_value() {
  if (!levels_.empty()) return;
  buffer_.push_back('\n');  // the document's last line
  flush();
}

void JsonStream::string(std::string_view text) {
  before_value();
  quoted(text);
  end_value();
}

void JsonStream::string_or_null(std::string_view text) {
  if (text.empty()) {
    null();
  } else {
    string(text);
  }
}

void JsonStream::boolean(bool flag) {
  before_value();
  buffer_.append(flag ? "true" : "false");
  end_value();
}

void JsonStream::number(std::int64_t n) {
  before_value();
  char digits[24];
  auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
  buffer_.append(digits, end);
  end_value();
}

void JsonStream::null() {
  before_value();
  buffer_.append("null");
  end_value();
}

void JsonStream::strings(const std::vector<std::string>& texts) {
  begin_array();
  for (const std::string& text : texts) string(text);
  end_array();
}

}  // namespace tagdrift::report
