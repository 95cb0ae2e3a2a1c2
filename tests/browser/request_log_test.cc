#include "browser/request_log.h"

#include <catch2/catch.hpp>

using tagdrift::browser::initiator_of;
using tagdrift::browser::RequestLog;
using tagdrift::browser::VisitBudget;
using Json = nlohmann::json;

namespace {

Json sent(const std::string& id, const std::string& url, const std::string& body = "") {
  Json request = {{"url", url}, {"method", body.empty() ? "GET" : "POST"}};
  if (!body.empty()) request["postData"] = body;
  return {{"requestId", id}, {"type", "Fetch"}, {"request", request}};
}

}  // namespace

TEST_CASE("request log: each hop is a request; in flight until finished or failed") {
  RequestLog log(VisitBudget{});
  log.will_be_sent(sent("1", "http://a.test/r"));
  log.will_be_sent(sent("1", "http://b.test/landing"));  // the redirect's next hop
  log.will_be_sent(sent("2", "http://a.test/x"));
  CHECK(log.in_flight() == 2);
  log.finished({{"requestId", "1"}});
  CHECK(log.in_flight() == 1);
  log.blocked("1");
  const auto requests = log.take();
  REQUIRE(requests.size() == 3);
  CHECK(requests[1].url == "http://b.test/landing");
  CHECK_FALSE(requests[0].blocked);
  CHECK(requests[1].blocked);  // only the hop that was failed
  CHECK_FALSE(requests[2].blocked);
}

TEST_CASE("request log: requests and body bytes stay within the budget") {
  VisitBudget budget;
  budget.max_requests = 2;
  budget.max_post_data = 4;
  budget.max_body_bytes = 6;
  RequestLog log(budget);
  log.will_be_sent(sent("1", "http://a.test/1", "abcdefgh"));
  log.will_be_sent(sent("2", "http://a.test/2", "ijklmnop"));
  log.will_be_sent(sent("3", "http://a.test/3", "qrstuvwx"));
  CHECK(log.dropped() == 1);
  CHECK(log.in_flight() == 3);  // a request not kept still keeps the page busy
  const auto requests = log.take();
  REQUIRE(requests.size() == 2);
  CHECK(requests[0].post_data == "abcd");
  CHECK(requests[0].post_data_truncated);
  CHECK(requests[1].post_data == "ij");
  CHECK(requests[1].post_data_truncated);
}

TEST_CASE("request log: a body too large for the event is marked truncated") {
  RequestLog log(VisitBudget{});
  Json event = sent("1", "http://a.test/");
  event["request"]["hasPostData"] = true;
  log.will_be_sent(event);
  const auto requests = log.take();
  REQUIRE(requests.size() == 1);
  CHECK(requests[0].post_data.empty());
  CHECK(requests[0].post_data_truncated);
}

TEST_CASE("request log: the initiator is the innermost script, async parents included") {
  const auto initiator = initiator_of(Json::parse(R"({
    "type": "script",
    "stack": {"callFrames": [{"url": ""}, {"url": "https://t.test/inner.js"},
                             {"url": "https://t.test/inner.js"}],
              "parent": {"callFrames": [{"url": "https://clinic.test/loader.js"}]}}
  })"));
  CHECK(initiator.type == "script");
  CHECK(initiator.url == "https://t.test/inner.js");
  CHECK(initiator.stack ==
        std::vector<std::string>{"https://t.test/inner.js", "https://clinic.test/loader.js"});
  CHECK(initiator_of(Json::parse(R"({"type":"parser","url":"https://clinic.test/"})")).url ==
        "https://clinic.test/");
}
