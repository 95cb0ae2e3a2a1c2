#include "browser/cookie_list.h"

#include <catch2/catch.hpp>

using tagdrift::browser::cookie_list;

TEST_CASE("cookie list: third-party is a domain outside the page's registrable domain") {
  const auto cookies = nlohmann::json::parse(R"([
    {"name": "_fbp", "domain": ".facebook.com", "path": "/", "expires": 1900000000.5,
     "session": false, "secure": true, "httpOnly": false},
    {"name": "sid", "domain": "www.clinic.co.uk", "path": "/", "expires": -1, "session": true,
     "secure": false, "httpOnly": true},
    {"name": "_ga", "domain": ".Clinic.co.uk", "path": "/", "expires": 1900000000,
     "session": false}
  ])");
  const auto list = cookie_list(cookies, "https://booking.clinic.co.uk/appointments");
  REQUIRE(list.size() == 3);
  CHECK(list[0].name == "_fbp");
  CHECK(list[0].third_party);
  CHECK_FALSE(list[0].session);
  CHECK(list[0].expires == 1900000000.5);
  CHECK(list[0].secure);
  CHECK_FALSE(list[1].third_party);
  CHECK(list[1].session);
  CHECK(list[1].expires == 0);
  CHECK(list[1].http_only);
  CHECK_FALSE(list[2].third_party);
}

TEST_CASE("cookie list: a page without a host makes every cookie third-party") {
  const auto cookies = nlohmann::json::parse(R"([{"name": "a", "domain": "x.test"}])");
  const auto list = cookie_list(cookies, "about:blank");
  REQUIRE(list.size() == 1);
  CHECK(list[0].third_party);
  CHECK(cookie_list(nlohmann::json::object(), "https://x.test/").empty());
}
