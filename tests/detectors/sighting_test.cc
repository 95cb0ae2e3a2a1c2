// Identity keys of sightings (detectors/sighting.cc).
#include "detectors/sighting.h"

#include <catch2/catch.hpp>

namespace tagdrift::detectors {
namespace {

TEST_CASE("sighting: the identity is vendor and tag ID, or vendor and host without an ID") {
  Sighting s;
  s.vendor = "pinterest";
  s.tag_id = "2612416394623";
  s.host = "s.pinimg.com";
  CHECK(identity_key(s) == "pinterest:2612416394623");
  s.tag_id.clear();
  CHECK(identity_key(s) == "pinterest:s.pinimg.com");
}

TEST_CASE("sighting: an unknown resource is keyed by its host") {
  Sighting s;
  s.vendor = "unknown";
  s.host = "tracker.example.net";
  CHECK(identity_key(s) == "unknown:tracker.example.net");
}

}  // namespace
}  // namespace tagdrift::detectors
