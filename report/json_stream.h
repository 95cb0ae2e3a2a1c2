// Writes a JSON document piece by piece, byte for byte as nlohmann's dump(2) would write the same
// document held whole, so that a report with a line per page never needs the whole DOM in memory.
#pragma once

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace tagdrift::report {

// Members of an object must come in the order nlohmann keeps them: sorted by key. Invalid UTF-8
// in values is replaced by U+FFFD, as dump() does with error_handler_t::replace.
// Output is buffered and reaches `out` when the document ends (or the buffer fills).
class JsonStream {
 public:
  explicit JsonStream(std::ostream& out) : out_(out) {}
  JsonStream(const JsonStream&) = delete;
  JsonStream& operator=(const JsonStream&) = delete;
  ~JsonStream() { flush(); }

  void begin_object();
  void end_object();
  void begin_array();
  void end_array();
  // The next member's key, inside an object; its value follows.
  void key(std::string_view name);
  // A whole value (an array element, or a member's value after key()).
  void value(const nlohmann::json& value);
  // The same for the values a report is mostly made of, written without building a json value.
  void string(std::string_view text);
  void string_or_null(std::string_view text);  // null when empty
  void boolean(bool flag);
  void number(std::int64_t n);
  void null();
  void strings(const std::vector<std::string>& texts);
  // The members of `members` (an object), with `name` written by `write` at its sorted place.
  template <typename Write>
  void object_with(const nlohmann::json& members, std::string_view name, Write write);

 private:
  struct Level {
    bool object = false;
    std::size_t count = 0;
  };
  void before_value();
  void open(char bracket, bool object);
  void close(char bracket);
  void newline_indent(std::size_t depth);
  void end_value();                    // a value or bracket was written
  void quoted(std::string_view text);  // as dump() writes a JSON string
  void write(std::string_view text);
  void flush();

  std::ostream& out_;
  std::string buffer_;
  std::vector<Level> levels_;
  bool after_key_ = false;
};

template <typename Write>
void JsonStream::object_with(const nlohmann::json& members, std::string_view name, Write write) {
  begin_object();
  bool written = false;
  for (const auto& [member, member_value] : members.items()) {
    if (!written && std::string_view(member) > name) {
      key(name);
      write();
      written = true;
    }
    key(member);
    value(member_value);
  }
  if (!written) {
    key(name);
    write();
  }
  end_object();
}

}  // namespace tagdrift::report
