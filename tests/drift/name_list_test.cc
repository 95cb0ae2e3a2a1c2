#include "drift/name_list.h"

#include <catch2/catch.hpp>

using namespace tagdrift::drift;
using Names = std::vector<std::string>;

TEST_CASE("name list: appends keep first-seen order without duplicates") {
  Names names{"b"};
  append_unique(names, Names{"a", "b", "c", "a"});
  append_unique(names, std::string("c"));
  CHECK(names == Names{"b", "a", "c"});
  CHECK(contains(names, "a"));
  CHECK_FALSE(contains(names, "d"));
}

TEST_CASE("name list: missing_from, joined and count_of") {
  CHECK(missing_from({"a", "b", "c", "b"}, {"b"}) == Names{"a", "c"});
  CHECK(joined({"a", "b"}) == "a, b");
  CHECK(joined({"a", "b"}, "; ") == "a; b");
  CHECK(joined({}).empty());
  CHECK(count_of(1, "page") == "1 page");
  CHECK(count_of(0, "page") == "0 pages");
  CHECK(count_of(3, "new page") == "3 new pages");
}
