#include "drift/url_set.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using tagdrift::drift::UrlSet;

namespace {

std::vector<std::string> listed(const UrlSet& set) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < set.size(); ++i) out.emplace_back(set.at(i));
  return out;
}

}  // namespace

TEST_CASE("url set: sorted once, each URL once, found by its exact text") {
  UrlSet set;
  for (const char* url : {"https://a.test/z", "https://a.test/b", "https://a.test/z",
                          "https://a.test/", "https://a.test/b?x=1"}) {
    set.add(url);
  }
  set.sort();
  CHECK(listed(set) == std::vector<std::string>{"https://a.test/", "https://a.test/b",
                                                "https://a.test/b?x=1", "https://a.test/z"});
  CHECK(set.size() == 4);
  CHECK(set.contains("https://a.test/b"));
  CHECK(set.contains("https://a.test/"));
  CHECK_FALSE(set.contains("https://a.test/b?x"));
  CHECK_FALSE(set.contains("https://a.test"));
  CHECK_FALSE(set.contains(""));
}

TEST_CASE("url set: empty, and lookups refused before sorting") {
  UrlSet set;
  CHECK(set.empty());
  CHECK_FALSE(set.contains("https://a.test/"));
  set.add("https://a.test/");
  CHECK_THROWS_AS(set.contains("https://a.test/"), std::logic_error);
  set.sort();
  CHECK(set.contains("https://a.test/"));
  CHECK(set == UrlSet{"https://a.test/"});
  CHECK_FALSE(set == UrlSet{"https://a.test/x"});
}
