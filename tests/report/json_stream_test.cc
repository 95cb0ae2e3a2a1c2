#include "report/json_stream.h"

#include <catch2/catch.hpp>
#include <sstream>

using namespace tagdrift;
using nlohmann::json;

namespace {

std::string dumped(const json& value) {
  return value.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace

TEST_CASE("json_stream: a document written piece by piece is dump(2) of the whole") {
  const json inner = {{"a", json::array({1, "two", nullptr})}, {"b", json::object()}};
  const json whole = {{"empty", json::array()},
                      {"list", json::array({inner, json::array({json::array()}), 3})},
                      {"z", inner}};
  std::ostringstream out;
  report::JsonStream stream(out);
  stream.begin_object();
  stream.key("empty");
  stream.begin_array();
  stream.end_array();
  stream.key("list");
  stream.begin_array();
  stream.value(inner);
  stream.begin_array();
  stream.begin_array();
  stream.end_array();
  stream.end_array();
  stream.value(3);
  stream.end_array();
  stream.key("z");
  stream.value(inner);
  stream.end_object();
  CHECK(out.str() == dumped(whole));
}

TEST_CASE("json_stream: object_with puts the written member at its sorted place") {
  for (const char* name : {"0first", "m", "zz last"}) {
    json whole = {{"b", 1}, {"y", "text"}};
    whole[name] = json::array({"x", "y"});
    json members = whole;
    members.erase(name);
    std::ostringstream out;
    report::JsonStream stream(out);
    stream.object_with(members, name, [&] {
      stream.begin_array();
      stream.value("x");
      stream.value("y");
      stream.end_array();
    });
    INFO(name);
    CHECK(out.str() == dumped(whole));
  }
}

TEST_CASE("json_stream: invalid UTF-8 and newlines in strings come out as dump writes them") {
  const json value = {{"bad", "a\xff\xfe b"}, {"lines", "one\ntwo\r\n"}};
  std::ostringstream out;
  report::JsonStream stream(out);
  stream.begin_array();
  stream.value(value);
  stream.end_array();
  CHECK(out.str() == dumped(json::array({value})));
}

TEST_CASE("json_stream: typed values come out as dump writes the same json values") {
  const std::vector<std::string> texts = {"",
                                          "plain text",
                                          "quote \" and \\ backslash",
                                          "tab\there",
                                          "\x01\x1f control",
                                          "del \x7f",
                                          "caf\xc3\xa9 \xe2\x9c\x93",
                                          "bad \xff\xfe utf-8",
                                          "cut \xe2\x9c"};
  json whole = json::array();
  std::ostringstream out;
  {
    report::JsonStream stream(out);
    stream.begin_array();
    for (const std::string& text : texts) {
      stream.string(text);
      stream.string_or_null(text);
      whole.push_back(text);
      whole.push_back(text.empty() ? json() : json(text));
    }
    stream.strings(texts);
    stream.strings({});
    whole.push_back(texts);
    whole.push_back(json::array());
    for (std::int64_t n : {std::int64_t{0}, std::int64_t{-7}, std::int64_t{9007199254740993}}) {
      stream.number(n);
      whole.push_back(n);
    }
    stream.boolean(true);
    stream.boolean(false);
    stream.null();
    whole.push_back(true);
    whole.push_back(false);
    whole.push_back(nullptr);
    stream.end_array();
  }
  CHECK(out.str() == dumped(whole));
}

TEST_CASE("json_stream: a document that is one value ends with its newline, written out") {
  std::ostringstream out;
  report::JsonStream stream(out);
  stream.string("only");
  CHECK(out.str() == "\"only\"\n");
}

TEST_CASE("json_stream: a document larger than the buffer reaches the stream whole") {
  json whole = json::array();
  std::ostringstream out;
  report::JsonStream stream(out);
  stream.begin_array();
  for (int n = 0; n < 20000; ++n) {
    const std::string text = "page-" + std::to_string(n);
    stream.string(text);
    whole.push_back(text);
  }
  stream.end_array();
  CHECK(out.str().size() > 64 * 1024);
  CHECK(out.str() == dumped(whole));
}

TEST_CASE("json_stream: a string is written as dump() writes it, whatever byte is where") {
  // Every byte that needs escaping or decides the UTF-8 handling, at every offset of strings
  // around the eight-byte stride of the plain-text check.
  const std::string specials = {'"', '\\', '\n', '\x01', '\x1f', '\x7f', '\x80', '\xc3', '\xff'};
  for (std::size_t length = 1; length <= 19; ++length) {
    for (std::size_t at = 0; at < length; ++at) {
      for (char special : specials) {
        std::string text(length, 'a');
        text[at] = special;
        std::ostringstream out;
        {
          report::JsonStream stream(out);
          stream.string(text);
        }
        INFO("length " << length << ", byte " << static_cast<int>(special) << " at " << at);
        CHECK(out.str() == dumped(json(text)));
      }
    }
  }
  std::ostringstream out;
  {
    report::JsonStream stream(out);
    stream.string("https://www.clinic.test/fertility/ivf?x=1&y=~");
  }
  CHECK(out.str() == "\"https://www.clinic.test/fertility/ivf?x=1&y=~\"\n");
}
