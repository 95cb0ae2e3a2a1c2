#include "tests/cases/runner/json_subset.h"

#include <catch2/catch.hpp>

using nlohmann::json;
using tagdrift::testing::json_subset_problems;

TEST_CASE("json subset: members the case names must be there and equal; others are free") {
  const json actual = {{"scan", {{"complete", true}, {"id", 3}}}, {"tool", "tagdrift"}};
  CHECK(json_subset_problems({{"scan", {{"complete", true}}}}, actual).empty());
  CHECK(json_subset_problems({{"scan", {{"complete", false}}}}, actual) ==
        std::vector<std::string>{"/scan/complete: expected false, got true"});
  CHECK(json_subset_problems({{"gate", {{"failed", false}}}}, actual) ==
        std::vector<std::string>{"/gate: missing"});
}

TEST_CASE("json subset: lists of keyed objects are sets, none missing and none extra") {
  const json actual = {{"findings",
                        {{{"key", "meta:1"}, {"severity", "high"}},
                         {{"key", "pinterest:2"}, {"severity", "critical"}}}}};
  CHECK(json_subset_problems(
            {{"findings", {{{"key", "pinterest:2"}}, {{"key", "meta:1"}, {"severity", "high"}}}}},
            actual)
            .empty());
  CHECK(json_subset_problems({{"findings", {{{"key", "meta:1"}}}}}, actual) ==
        std::vector<std::string>{"/findings: unexpected pinterest:2"});
  CHECK(json_subset_problems({{"findings", {{{"key", "meta:1"}}, {{"key", "tiktok:3"}}}}},
                             actual)
            .size() == 2);  // tiktok missing, pinterest unexpected
  CHECK(json_subset_problems({{"findings", {{{"key", "meta:1"}, {"severity", "low"}}}}}, actual)
            .size() == 2);  // the wrong severity, and pinterest unexpected
}

TEST_CASE("json subset: other lists must be equal, order included; an empty list means none") {
  const json actual = {{"where", {"script-src", "noscript-img"}}, {"removed", json::array()}};
  CHECK(json_subset_problems({{"where", {"script-src", "noscript-img"}}}, actual).empty());
  CHECK_FALSE(json_subset_problems({{"where", {"noscript-img", "script-src"}}}, actual).empty());
  CHECK(json_subset_problems({{"removed", json::array()}}, actual).empty());
  CHECK_FALSE(json_subset_problems({{"where", json::array()}}, actual).empty());
}
