// The embedded signature files: every pattern compiles and every in-file example behaves as
// written (the same code as `tagdrift signatures check`).
#include "detectors/signature_check.h"

#include <catch2/catch.hpp>

#include "tests/support/temp_dir.h"

namespace tagdrift::detectors {
namespace {

TEST_CASE("signature check: every embedded example finds what it says") {
  std::vector<std::string> failures = check_signatures();
  for (const std::string& failure : failures) UNSCOPED_INFO(failure);
  CHECK(failures.empty());
}

TEST_CASE("signature check: a failing example is reported as one line naming file and id") {
  testing::TempDir dir;
  dir.write("acme.toml", R"toml(vendor = "acme"
category = "analytics"
[[signature]]
id = "acme-pixel"
product = "Acme Pixel"
  [[signature.pattern]]
  places = ["inline"]
  regex = '''acme\.init\(['"](?P<id>\d+)'''
  [[signature.example]]
  place = "script-inline"
  text = "acme.init('42')"
  id = "43"
)toml");
  std::vector<std::string> failures;
  for (const std::string& failure : check_signatures(dir.path().string())) {
    if (failure.find("acme") != std::string::npos) failures.push_back(failure);
  }
  REQUIRE(failures.size() == 1);
  INFO(failures[0]);
  CHECK(failures[0].find("acme.toml:9: signature 'acme-pixel'") != std::string::npos);
  CHECK(failures[0].find("expected ID '43'") != std::string::npos);
  CHECK(failures[0].find('\n') == std::string::npos);
}

TEST_CASE("signature check: container examples run through a decoded container") {
  testing::TempDir dir;
  dir.write("acme.toml", R"toml(vendor = "acme"
category = "analytics"
[[signature]]
id = "acme-pixel"
product = "Acme Pixel"
id_format = '^\d+$'
  [[signature.pattern]]
  places = ["inline"]
  regex = '''acme\.init'''
  [[signature.container]]
  community = '''cdn\.acme\.test'''
  id_fields = ["vtp_id"]
  [[signature.example]]
  place = "gtm-tag"
  text = '{"function":"__cvt_9_9","vtp_id":"42"}'
  permissions = '{"inject_script":{"urls":["https://cdn.acme.test/a.js"]}}'
  id = "42"
  [[signature.example]]
  place = "gtm-tag"
  text = '{"function":"__cvt_9_9","vtp_id":"42"}'
  permissions = '{"inject_script":{"urls":["https://cdn.other.test/a.js"]}}'
  id = "42"
  [[signature.example]]
  place = "gtm-tag"
  text = '{"function":"__cvt_9_9","vtp_id":'
  id = "42"
)toml");
  std::vector<std::string> failures;
  for (const std::string& failure : check_signatures(dir.path().string())) {
    if (failure.find("acme") != std::string::npos) failures.push_back(failure);
  }
  for (const std::string& failure : failures) UNSCOPED_INFO(failure);
  REQUIRE(failures.size() == 2);
  CHECK(failures[0].find("acme.toml:18: signature 'acme-pixel': example (gtm-tag): positive "
                         "example did not match") != std::string::npos);
  CHECK(failures[1].find("acme.toml:23:") != std::string::npos);
  CHECK(failures[1].find("does not decode") != std::string::npos);
}

TEST_CASE("signature check: a name pattern's groups and loader are checked, its examples run") {
  testing::TempDir dir;
  dir.write("acme.toml", R"toml(vendor = "acme"
category = "analytics"
product = "Acme"
[[signature]]
id = "acme-both"
  [[signature.pattern]]
  places = ["inline"]
  regex = '''acme\.init\((?P<name>\w+)|acme\.id\((?P<id>\d+)'''
[[signature]]
id = "acme-loader-without-name"
  [[signature.pattern]]
  places = ["inline"]
  regex = '''acme\.init\((?P<id>\d+)'''
  loader = '''cdn\.acme\.test'''
[[signature]]
id = "acme-bad-loader"
  [[signature.pattern]]
  places = ["inline"]
  regex = '''acme\.init\((?P<name>\w+)'''
  loader = '''cdn\.acme\.(test'''
[[signature]]
id = "acme-pixel"
id_format = '^\d+$'
  [[signature.pattern]]
  places = ["inline", "external-js"]
  regex = '''acme\.init\((?P<name>[\w.]+)\)'''
  loader = '''cdn\.acme\.test/a\.js'''
  [[signature.example]]
  place = "external-js"
  text = "var cfg = {acmeId: '4242'}; acme.init(cfg.acmeId)"
  id = "4242"
  [[signature.example]]
  place = "external-js"
  text = "s.src = 'https://cdn.acme.test/a.js'; acme.init(cfg.acmeId)"
  id = ""
  [[signature.example]]
  place = "external-js"
  text = "acme.init(cfg.acmeId)"
  id = ""
)toml");
  std::vector<std::string> failures;
  for (const std::string& failure : check_signatures(dir.path().string())) {
    if (failure.find("acme") != std::string::npos) failures.push_back(failure);
  }
  for (const std::string& failure : failures) UNSCOPED_INFO(failure);
  REQUIRE(failures.size() == 4);
  CHECK(failures[0].find("acme.toml:6: signature 'acme-both'") != std::string::npos);
  CHECK(failures[0].find("captures both 'id' and 'name'") != std::string::npos);
  CHECK(failures[1].find("acme.toml:11: signature 'acme-loader-without-name'") !=
        std::string::npos);
  CHECK(failures[1].find("'loader' needs a group named 'name'") != std::string::npos);
  CHECK(failures[2].find("acme.toml:17: signature 'acme-bad-loader'") != std::string::npos);
  CHECK(failures[2].find("missing )") != std::string::npos);
  // Without the loader in the script, a name with no literal is no tag in a fetched script.
  CHECK(failures[3].find("acme.toml:36: signature 'acme-pixel': example (external-js): "
                         "positive example did not match") != std::string::npos);
}

}  // namespace
}  // namespace tagdrift::detectors
