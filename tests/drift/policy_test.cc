#include "drift/policy.h"

#include <catch2/catch.hpp>
#include <string>

#include "tests/support/temp_dir.h"
#include "util/error.h"

using tagdrift::Error;
using tagdrift::ExitCode;
using tagdrift::drift::FailOn;
using tagdrift::drift::load_policy;
using tagdrift::drift::parse_policy;
using tagdrift::drift::Policy;

namespace {

std::string fixture(const std::string& name) {
  return std::string(TAGDRIFT_FIXTURES_DIR) + "/policy/" + name;
}

// The one-line usage error loading `name` throws.
std::string load_error(const std::string& name) {
  try {
    load_policy(fixture(name));
  } catch (const Error& error) {
    CHECK(error.code() == ExitCode::kUsage);
    return error.what();
  }
  FAIL("no error for " << name);
  return "";
}

}  // namespace

TEST_CASE("policy: the full example loads with every rule kind") {
  Policy policy = load_policy(fixture("full.toml"));
  CHECK(policy.fail_on == FailOn::kPolicy);
  REQUIRE(policy.deny.size() == 3);
  REQUIRE(policy.allow.size() == 2);
  CHECK(policy.deny[0].category == "advertising");
  REQUIRE(policy.deny[0].paths.size() == 2);
  CHECK(policy.deny[0].paths[0].text() == "/services/**");
  CHECK(policy.deny[0].paths[1].text() == "/appointments/**");
  CHECK(policy.deny[0].reason == "no ad tags on clinical pages");
  CHECK(policy.deny[1].vendor == "pinterest");
  CHECK(policy.deny[1].paths.empty());
  CHECK(policy.deny[2].category == "session-replay");
  CHECK(policy.allow[0].key == "google-analytics:G-ABC123");
  CHECK(policy.allow[1].vendor == "meta");
  CHECK(policy.allow[1].paths[0].matches("/careers/nurse/"));
}

TEST_CASE("policy: the example in docs/policy.md is the full.toml fixture") {
  std::string doc =
      tagdrift::testing::read_file(std::string(TAGDRIFT_SOURCE_DIR) + "/docs/policy.md");
  const std::string open = "```toml\n";
  auto start = doc.find(open);
  REQUIRE(start != std::string::npos);
  start += open.size();
  auto end = doc.find("```", start);
  CHECK(doc.substr(start, end - start) == tagdrift::testing::read_file(fixture("full.toml")));
}

TEST_CASE("policy: an empty policy has no rules and no fail_on") {
  Policy policy = parse_policy("# nothing yet\n", "empty.toml");
  CHECK_FALSE(policy.fail_on.has_value());
  CHECK(policy.deny.empty());
  CHECK(policy.allow.empty());
}

TEST_CASE("policy: every fail_on value is read") {
  CHECK(parse_policy("fail_on = \"never\"", "p").fail_on == FailOn::kNever);
  CHECK(parse_policy("fail_on = \"new\"", "p").fail_on == FailOn::kNew);
  CHECK(parse_policy("fail_on = \"high\"", "p").fail_on == FailOn::kHigh);
  CHECK(parse_policy("fail_on = \"critical\"", "p").fail_on == FailOn::kCritical);
}

TEST_CASE("policy: malformed TOML names the file, line and column") {
  std::string error = load_error("malformed.toml");
  CHECK(error.starts_with(fixture("malformed.toml") + ":4:"));
  CHECK(error.find('\n') == std::string::npos);
}

TEST_CASE("policy: each checked mistake is one line naming the file and line") {
  struct Case {
    const char* file;
    const char* where;
    const char* what;
  };
  const Case cases[] = {
      {"unknown_key.toml", ":3:1: ", "unknown key 'fail_onn' (fail_on, [[deny]], [[allow]])"},
      {"unknown_rule_key.toml",
       ":6:1: ", "unknown key 'path' in [[deny]] (vendor, category, key, paths, reason)"},
      {"no_selector.toml", ":4:1: ", "[[allow]] needs a vendor, category or key to select tags"},
      {"bad_fail_on.toml",
       ":2:11: ", "bad fail_on 'sometimes' (never, policy, new, high or critical)"},
      {"bad_glob_relative.toml", ":4:10: ", "bad glob 'services/ivf/': must start with '/'"},
      {"bad_glob_star.toml", ":3:10: ", "bad glob '/serv**': '**' must be a whole path segment"},
      {"unknown_category.toml", ":2:12: ",
       "unknown category 'ads' (one of: advertising, analytics, session-replay, tag-manager, "
       "marketing-automation, chat, cdp, consent, other)"},
      {"deny_not_tables.toml", ":1:8: ", "'deny' must be [[deny]] tables"},
      {"wrong_type.toml", ":2:10: ", "'vendor' must be a string"},
      {"bad_key.toml", ":2:7: ", "'key' must be a tag key like \"vendor:id\""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.file);
    CHECK(load_error(c.file) == fixture(c.file) + c.where + c.what);
  }
}

TEST_CASE("policy: a missing file is a usage error naming it") {
  CHECK(load_error("no-such-policy.toml") ==
        fixture("no-such-policy.toml") + ": cannot read the policy file");
}
