#include "scan/scan_settings.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

namespace tagdrift::scan {
namespace {

TEST_CASE("scan settings: the flags that shape a scan are recorded") {
  ScanOptions options;
  options.crawl.max_pages = 250;
  options.crawl.exclude = {"/admin/"};
  options.crawl.ignore_robots = true;
  options.full = true;
  const auto json = nlohmann::json::parse(scan_settings_json(options));
  CHECK(json["max_pages"] == 250);
  CHECK(json["exclude"] == nlohmann::json::array({"/admin/"}));
  CHECK(json["robots"] == "ignored");
  CHECK(json["full"] == true);
  CHECK(json["signatures"] == "built in");
}

TEST_CASE("scan settings: staging secrets are recorded as set, never by value") {
  ScanOptions options;
  options.crawl.headers = {"Authorization: Bearer s3cr3t-token"};
  options.crawl.cookies = {"session=s3cr3t-cookie"};
  options.crawl.basic_auth_env = "STAGING_AUTH";
  options.crawl.proxy = "http://user:s3cr3t-pass@proxy.test:3128";
  const std::string text = scan_settings_json(options);
  CHECK(text.find("s3cr3t") == std::string::npos);
  CHECK(text.find("STAGING_AUTH") == std::string::npos);
  const auto json = nlohmann::json::parse(text);
  CHECK(json["staging_headers"] == 1);
  CHECK(json["staging_cookies"] == 1);
  CHECK(json["basic_auth"] == true);
  CHECK(json["proxy"] == true);
}

}  // namespace
}  // namespace tagdrift::scan
