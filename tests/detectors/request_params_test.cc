// The parameters of a request as beacons send them: query strings, form bodies, GA4's lines and
// JSON bodies by key path, each within its limits.
#include "detectors/request_params.h"

#include <catch2/catch.hpp>
#include <string>
#include <utility>
#include <vector>

namespace tagdrift::detectors {
namespace {

using Pairs = std::vector<std::pair<std::string, std::string>>;

Pairs pairs(const std::vector<RequestParam>& params) {
  Pairs out;
  for (const RequestParam& param : params) out.emplace_back(param.name, param.value);
  return out;
}

Pairs body(std::string_view text, std::string_view content_type = "",
           const RequestLimits& limits = {}) {
  std::vector<RequestParam> params;
  append_body_params(text, content_type, limits, params);
  for (const RequestParam& param : params) CHECK(param.source == ParamSource::kBody);
  return pairs(params);
}

TEST_CASE("request params: a query string is split and percent-decoded, + as a space") {
  std::vector<RequestParam> params;
  append_form_params("a=1&pd%5Bem%5D=x%40y&&b=two+words&flag&=orphan", ParamSource::kQuery, {},
                     params);
  CHECK(pairs(params) == Pairs{{"a", "1"}, {"pd[em]", "x@y"}, {"b", "two words"}, {"flag", ""}});
  CHECK(params[0].source == ParamSource::kQuery);
}

TEST_CASE("request params: GA4 batches are one event per line") {
  CHECK(body("en=page_view&_et=1\r\nen=scroll\nen=lead", "text/plain") ==
        Pairs{{"en", "page_view"}, {"_et", "1"}, {"en", "scroll"}, {"en", "lead"}});
}

TEST_CASE("request params: JSON leaves by dotted key path, array elements unnamed") {
  CHECK(body(R"({"event":"Lead","context":{"pixel":{"code":"C1"},"n":3,"ok":true,"f":1.5,)"
             R"("z":null},"batch":[{"event":"A"},{"event":"B"}],"ids":[1,2]})") ==
        Pairs{{"event", "Lead"},
              {"context.pixel.code", "C1"},
              {"context.n", "3"},
              {"context.ok", "true"},
              {"context.f", "1.5"},
              {"batch.event", "A"},
              {"batch.event", "B"},
              {"ids", "1"},
              {"ids", "2"}});
}

TEST_CASE("request params: the content type or the first character says JSON") {
  CHECK(body(" \n[{\"a\":\"1\"}]") == Pairs{{"a", "1"}});
  CHECK(body("{\"a\":\"1\"}", "text/plain") == Pairs{{"a", "1"}});
  CHECK(body("a=1", "application/json").empty());  // not JSON after all: nothing read
}

TEST_CASE("request params: broken or hostile JSON keeps what came before the fault") {
  CHECK(body(R"({"a":"1","b":)") == Pairs{{"a", "1"}});
  CHECK(body("{\"a\":\"1\",\"b\":\"\xff\"}") == Pairs{{"a", "1"}});
  RequestLimits limits;
  limits.max_json_depth = 4;
  CHECK(body(R"({"a":{"b":{"c":"deep enough"}},"x":"1"})", "", limits) ==
        Pairs{{"a.b.c", "deep enough"}, {"x", "1"}});
  CHECK(body(R"({"a":{"b":{"c":{"d":{"e":"too deep"}}}},"x":"1"})", "", limits).empty());
  CHECK(body(std::string(1000000, '[')).empty());
}

TEST_CASE("request params: the body, the count and each value are capped") {
  RequestLimits limits;
  limits.max_body_bytes = 10;
  limits.max_params = 3;
  limits.max_value_bytes = 4;
  CHECK(body("a=123456&b=2&c=3", "", limits) == Pairs{{"a", "1234"}, {"b", ""}});
  limits.max_body_bytes = 1000;
  CHECK(body("a=1&b=2&c=3&d=4&e=5", "", limits).size() == 3);
  CHECK(body(R"([1,2,3,4,5])", "", limits).size() == 0);  // unnamed top-level values are skipped
}

}  // namespace
}  // namespace tagdrift::detectors
