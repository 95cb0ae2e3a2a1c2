#include "storage/json_text.h"

#include <catch2/catch.hpp>

using tagdrift::storage::from_json_text;
using tagdrift::storage::to_json_text;

TEST_CASE("json text: string lists round-trip, quotes and non-ASCII included") {
  std::vector<std::string> values = {"PageView", "say \"hi\"", "caf\xc3\xa9", ""};
  CHECK(to_json_text({}) == "[]");
  CHECK(from_json_text(to_json_text(values)) == values);
  CHECK(from_json_text("") == std::vector<std::string>{});
}

TEST_CASE("json text: invalid UTF-8 is replaced instead of failing") {
  auto text = to_json_text({"bad \xff byte"});
  REQUIRE(from_json_text(text));
  CHECK(from_json_text(text)->front() == "bad \xef\xbf\xbd byte");
}

TEST_CASE("json text: anything but an array of strings is refused") {
  CHECK_FALSE(from_json_text("{\"a\":1}"));
  CHECK_FALSE(from_json_text("[1, 2]"));
  CHECK_FALSE(from_json_text("[\"unterminated"));
}

TEST_CASE("json text: plain lists (the fast path) read as the general parser reads them") {
  using List = std::vector<std::string>;
  CHECK(from_json_text("[]") == List{});
  CHECK(from_json_text("[\"https://a.test/x?y=1\",\"b\"]") == List{"https://a.test/x?y=1", "b"});
  CHECK(from_json_text("[ \"a\" , \"b\" ]") == List{"a", "b"});  // spaces: the general parser
  CHECK(from_json_text("[\"a\\u0041\"]") == List{"aA"});         // an escape: the same
  CHECK(from_json_text("[\"\"]") == List{""});
  CHECK_FALSE(from_json_text("[\"a\",]"));
  CHECK_FALSE(from_json_text("[\"a\"\"b\"]"));
  CHECK_FALSE(from_json_text("[\"a\",1]"));
  CHECK_FALSE(from_json_text("[\"line\nbreak\"]"));
  CHECK_FALSE(from_json_text("[\"bad \xff byte\"]"));
}
