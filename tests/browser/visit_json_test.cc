#include "browser/visit_json.h"

#include <catch2/catch.hpp>

using namespace tagdrift::browser;

TEST_CASE("visit json: every field survives the way to JSON text and back") {
  VisitResult visit;
  visit.url = "https://clinic.test/";
  visit.final_url = "https://clinic.test/home";
  visit.error = "navigation did not finish within 15000 ms";
  visit.loaded = true;
  visit.quiet = true;
  ObservedRequest request;
  request.url = "https://ct.pinterest.com/v3/?tid=1&event=lead";
  request.method = "POST";
  request.resource_type = "Ping";
  request.post_data = "pd[em]=abc";
  request.post_data_truncated = true;
  request.blocked = true;
  request.initiator = {"script",
                       "https://s.pinimg.com/ct/core.js",
                       {"https://s.pinimg.com/ct/core.js", "https://clinic.test/"}};
  visit.requests = {request};
  visit.requests_dropped = 3;
  visit.cookies = {{"_pin_unauth", ".pinterest.com", "/", false, 1.9e9, true, true, false}};
  visit.console_errors = {"boom"};
  visit.dialogs = {{"alert", "hi"}};
  visit.popups = {"https://clinic.test/p"};
  visit.downloads = {"https://clinic.test/f.pdf"};
  visit.seconds = 1.25;

  const auto back = visit_from_json(nlohmann::json::parse(visit_to_json(visit).dump()));
  CHECK(visit_to_json(back) == visit_to_json(visit));
  REQUIRE(back.requests.size() == 1);
  CHECK(back.requests[0].initiator.stack.size() == 2);
  CHECK(back.cookies[0].third_party);
  CHECK(back.requests_dropped == 3);
}

TEST_CASE("visit json: missing or mistyped fields read as empty") {
  const auto visit = visit_from_json(nlohmann::json::parse(
      R"({"url": "https://a.test/", "loaded": "yes", "requests": [{"url": 5}, 7], "cookies": {}})"));
  CHECK(visit.url == "https://a.test/");
  CHECK_FALSE(visit.loaded);
  REQUIRE(visit.requests.size() == 1);
  CHECK(visit.requests[0].url.empty());
  CHECK(visit.cookies.empty());
  CHECK(visit_from_json(nlohmann::json::array()).url.empty());
}
