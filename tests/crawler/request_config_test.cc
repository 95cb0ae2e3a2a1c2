#include "crawler/request_config.h"

#include <catch2/catch.hpp>

#include "util/error.h"

using tagdrift::crawler::CrawlOptions;
using tagdrift::crawler::RequestConfig;

TEST_CASE("request config: malformed staging flags are usage errors that do not echo secrets") {
  CrawlOptions options;
  options.headers = {"Authorization Bearer s3cret"};
  try {
    RequestConfig config(options);
    FAIL("a header without a colon was accepted");
  } catch (const tagdrift::Error& e) {
    CHECK(e.code() == tagdrift::ExitCode::kUsage);
    CHECK(std::string(e.what()).find("s3cret") == std::string::npos);
  }
  options.headers = {"X-Ok: 1"};
  options.resolve = {"clinic.test:443"};
  CHECK_THROWS_AS(RequestConfig(options), tagdrift::Error);
  options.resolve = {};
  options.cookies = {"no-equals-sign"};
  CHECK_THROWS_AS(RequestConfig(options), tagdrift::Error);
}

TEST_CASE("request config: the default user agent names tagdrift and its version") {
  CrawlOptions options;
  RequestConfig config(options);
  CHECK(config.user_agent().rfind("tagdrift/", 0) == 0);
  options.user_agent = "AuditBot/2";
  CHECK(RequestConfig(options).user_agent() == "AuditBot/2");
}
