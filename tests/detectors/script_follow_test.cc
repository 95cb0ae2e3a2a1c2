// Which scripts are followed (detectors/script_follow.cc).
#include "detectors/script_follow.h"

#include <catch2/catch.hpp>

namespace tagdrift::detectors {
namespace {

Place script(const std::string& url) {
  Place place;
  place.kind = PlaceKind::kScriptSrc;
  place.value = url;
  return place;
}

TEST_CASE("script follow: same-site live scripts are first-party, others are not") {
  CHECK(is_first_party_script(script("https://static.clinic.test/app.js"), "www.clinic.test"));
  CHECK_FALSE(is_first_party_script(script("https://cdn.other.test/app.js"), "www.clinic.test"));
  Place commented = script("https://www.clinic.test/app.js");
  commented.commented = true;
  CHECK_FALSE(is_first_party_script(commented, "www.clinic.test"));
  Place inline_script = script("https://www.clinic.test/app.js");
  inline_script.kind = PlaceKind::kScriptInline;
  CHECK_FALSE(is_first_party_script(inline_script, "www.clinic.test"));
}

TEST_CASE("script follow: a follow URL is built from the tag ID") {
  CHECK(follow_url_for("https://www.googletagmanager.com/gtm.js?id={id}", "GTM-5WW98D") ==
        "https://www.googletagmanager.com/gtm.js?id=GTM-5WW98D");
  CHECK(follow_url_for("https://www.googletagmanager.com/gtm.js?id={id}", "").empty());
  CHECK(follow_url_for("", "GTM-5WW98D").empty());
}

}  // namespace
}  // namespace tagdrift::detectors
