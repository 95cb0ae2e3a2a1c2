#include "drift/previous_fold.h"

#include <catch2/catch.hpp>

#include "tests/drift/drift_fixtures.h"

using tagdrift::drift::read_previous;
using namespace tagdrift::testing;

TEST_CASE("previous fold: fetched pages, findings by key, keys seen only in comments") {
  auto broken = page_at("/broken/");
  broken.error = "timeout";
  auto commented = tag_at("pinterest:9", "/a/");
  commented.commented = true;
  auto commented_and_live = tag_at("meta:1", "/b/");
  commented_and_live.commented = true;
  auto scan = scan_of(
      7, {page_at("/a/"), page_at("/b/"), broken},
      {commented, commented_and_live, tag_at("meta:1", "/a/"), gated(tag_at("hotjar:5", "/b/"))});
  auto previous = read_previous(scan);
  CHECK(previous.scan_id == 7);
  CHECK(previous.fetched == tagdrift::drift::UrlSet{url_of("/a/"), url_of("/b/")});
  REQUIRE(previous.findings.size() == 2);
  CHECK(previous.findings[0].key == "hotjar:5");
  CHECK(previous.findings[0].consent_gated);
  CHECK(previous.findings[1].key == "meta:1");
  CHECK(previous.findings[1].pages.size() == 1);
  CHECK(previous.commented == std::set<std::string>{"pinterest:9"});
}
