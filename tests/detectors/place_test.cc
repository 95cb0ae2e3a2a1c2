// Place kinds and the names files and reports use for them.
#include "detectors/place.h"

#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "detectors/signature.h"

namespace tagdrift::detectors {
namespace {

TEST_CASE("place: every kind has its own name and the name reads back as that kind") {
  std::set<std::string> names;
  for (int k = 0; k <= static_cast<int>(PlaceKind::kNetwork); ++k) {
    auto kind = static_cast<PlaceKind>(k);
    std::string name = place_kind_name(kind);
    INFO(name);
    CHECK(name != "unknown");
    CHECK(names.insert(name).second);
    CHECK(parse_place_names(name) == std::vector<PlaceKind>{kind});
  }
  CHECK(names.size() == 11);
}

TEST_CASE("place: a request a page sent is the place kind network") {
  CHECK(std::string(place_kind_name(PlaceKind::kNetwork)) == "network");
  CHECK(parse_place_names("network") == std::vector<PlaceKind>{PlaceKind::kNetwork});
}

}  // namespace
}  // namespace tagdrift::detectors
