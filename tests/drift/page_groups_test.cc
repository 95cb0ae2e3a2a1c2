#include "drift/page_groups.h"

#include <catch2/catch.hpp>

using namespace tagdrift::drift;

namespace {

std::vector<FindingPage> pages_at(const std::vector<std::string>& urls) {
  std::vector<FindingPage> pages;
  for (const std::string& url : urls) {
    FindingPage page;
    page.url = url;
    pages.push_back(page);
  }
  return pages;
}

}  // namespace

TEST_CASE("page groups: query variants of one path are one page, listed under it") {
  // Sorted by URL, as findings keep them: "/a/-x" falls between "/a/" and "/a/?q=1".
  const auto pages = pages_at({"https://c.test/a/", "https://c.test/a/-x", "https://c.test/a/?q=1",
                               "https://c.test/a/?q=2", "https://c.test/b?z=1"});
  const std::vector<PageGroup> groups = page_groups(pages);
  REQUIRE(groups.size() == 3);
  CHECK(groups[0].url == "https://c.test/a/");
  REQUIRE(groups[0].variants.size() == 3);
  CHECK(*groups[0].variants[2]->url == "https://c.test/a/?q=2");
  CHECK(groups[1].url == "https://c.test/a/-x");
  CHECK(groups[2].url == "https://c.test/b");  // a path seen only with a query
  CHECK(groups[2].variants.size() == 1);
  CHECK(distinct_pages(pages) == 3);
  CHECK(distinct_pages({}) == 0);
}

TEST_CASE("page groups: without_query keeps scheme, host and path") {
  CHECK(without_query("https://c.test/a/?q=1") == "https://c.test/a/");
  CHECK(without_query("https://c.test/a/") == "https://c.test/a/");
  CHECK(without_query("https://c.test/?") == "https://c.test/");
}
