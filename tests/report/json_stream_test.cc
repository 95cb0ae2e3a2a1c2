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
