#include "util/closest_name.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using tagdrift::closest_name;
using tagdrift::did_you_mean;
using tagdrift::edit_distance;

TEST_CASE("closest name: edit distance counts insertions, deletions, substitutions and swaps") {
  CHECK(edit_distance("scan", "scan") == 0);
  CHECK(edit_distance("pinterst", "pinterest") == 1);
  CHECK(edit_distance("scna", "scan") == 1);  // neighbours swapped
  CHECK(edit_distance("metaa", "meta") == 1);
  CHECK(edit_distance("tiktok", "tik-tok") == 1);
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("Pinterest", "pinterest") == 0);
}

TEST_CASE("closest name: a typo suggests the nearest known name, a stranger nothing") {
  const std::vector<std::string> vendors = {"meta", "pinterest", "tiktok", "google-analytics"};
  CHECK(closest_name("pinterst", vendors) == "pinterest");
  CHECK(closest_name("tik-tok", vendors) == "tiktok");
  CHECK(closest_name("google-analytic", vendors) == "google-analytics");
  CHECK_FALSE(closest_name("linkedin", vendors).has_value());
  CHECK_FALSE(closest_name("ads", {"cdp"}).has_value());   // 2 edits in 3 letters is not a typo
  CHECK_FALSE(closest_name("meta", vendors).has_value());  // known already: nothing to suggest
  CHECK(did_you_mean("scna", {"scan", "signatures"}) == "; did you mean 'scan'?");
  CHECK(did_you_mean("frobnicate", {"scan", "signatures"}).empty());
}

TEST_CASE("closest name: ties go to the first known name") {
  CHECK(closest_name("cat", {"bat", "hat"}) == "bat");
  CHECK(closest_name("cat", {"hat", "bat"}) == "hat");
}
