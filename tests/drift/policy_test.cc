#include "drift/policy.h"

#include <catch2/catch.hpp>
#include <string>

#include "tests/drift/drift_fixtures.h"
#include "tests/support/temp_dir.h"
#include "util/error.h"

using tagdrift::Error;
using tagdrift::ExitCode;
using tagdrift::drift::FailOn;
using tagdrift::drift::load_policy;
using tagdrift::drift::parse_policy;
using tagdrift::drift::Policy;
using tagdrift::testing::kPolicyVendors;

namespace {

std::string fixture(const std::string& name) {
  return std::string(TAGDRIFT_FIXTURES_DIR) + "/policy/" + name;
}

// The one-line usage error loading the file at `path` throws.
std::string load_error_at(const std::string& path) {
  try {
    load_policy(path, kPolicyVendors);
  } catch (const Error& error) {
    CHECK(error.code() == ExitCode::kUsage);
    return error.what();
  }
  FAIL("no error for " << path);
  return "";
}

std::string load_error(const std::string& name) { return load_error_at(fixture(name)); }

Policy parse(const char* text) { return parse_policy(text, "p", kPolicyVendors); }

}  // namespace

TEST_CASE("policy: the full example loads with every rule kind") {
  Policy policy = load_policy(fixture("full.toml"), kPolicyVendors);
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

TEST_CASE("policy: every fail_on value is read") {
  CHECK(parse("fail_on = \"never\"").fail_on == FailOn::kNever);
  CHECK(parse("fail_on = \"new\"").fail_on == FailOn::kNew);
  CHECK(parse("fail_on = \"high\"").fail_on == FailOn::kHigh);
  CHECK(parse("fail_on = \"critical\"").fail_on == FailOn::kCritical);
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
      {"unknown_key.toml",
       ":3:1: ", "unknown key 'fail_onn' (fail_on, [[deny]], [[allow]]); did you mean 'fail_on'?"},
      {"unknown_rule_key.toml", ":6:1: ",
       "unknown key 'path' in [[deny]] (vendor, category, key, paths, reason); did you mean "
       "'paths'?"},
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
      {"unknown_vendor.toml", ":2:10: ", "unknown vendor 'pinterst'; did you mean 'pinterest'?"},
      {"unknown_vendor_far.toml",
       ":2:10: ", "unknown vendor 'myspace' (tagdrift signatures list names every vendor)"},
      {"unknown_key_vendor.toml", ":5:7: ",
       "unknown vendor 'google-analytic' in key 'google-analytic:G-ABC123'; did you mean "
       "'google-analytics'?"},
      {"misspelled_category.toml", ":2:12: ",
       "unknown category 'advertsing' (one of: advertising, analytics, session-replay, "
       "tag-manager, marketing-automation, chat, cdp, consent, other); did you mean "
       "'advertising'?"},
      {"fail_on_typo.toml", ":1:11: ",
       "bad fail_on 'polcy' (never, policy, new, high or critical); did you mean 'policy'?"},
      {"policy_without_deny.toml",
       ":1:11: ", "fail_on = \"policy\" with no [[deny]] rule can never fail"},
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

TEST_CASE("policy: a file that sets nothing is refused, whatever it holds") {
  for (const char* name : {"empty.toml", "comments_only.toml"}) {
    CAPTURE(name);
    CHECK(load_error(name) ==
          fixture(name) +
              ": the policy file sets nothing (no fail_on, no [[deny]] or [[allow]] rule)");
  }
  CHECK(load_error_at("/dev/null") ==
        "/dev/null: the policy file sets nothing (no fail_on, no [[deny]] or [[allow]] rule)");
}

TEST_CASE("policy: a directory is not a policy file") {
  const std::string dir = std::string(TAGDRIFT_FIXTURES_DIR) + "/policy";
  CHECK(load_error_at(dir) == dir + ": not a policy file (a directory)");
}

TEST_CASE("policy: every vendor the signatures know, and 'unknown', may be named") {
  Policy policy = parse(
      "[[deny]]\nvendor = \"unknown\"\n[[deny]]\nkey = \"unknown:cdn.test\"\n"
      "[[deny]]\nvendor = \"tiktok\"\n");
  CHECK(policy.deny.size() == 3);
  CHECK(policy.warnings.empty());
  // A vendor is known only when the loaded signatures define it.
  CHECK_THROWS_WITH(parse_policy("[[deny]]\nvendor = \"acme\"", "p", {"meta"}),
                    "p:2:10: unknown vendor 'acme' (tagdrift signatures list names every vendor)");
  CHECK(parse_policy("[[deny]]\nvendor = \"acme\"", "p", {"acme", "meta"}).deny.size() == 1);
}

TEST_CASE("policy: a glob that can never match, or an allow rule with nothing to excuse, warns") {
  Policy globs = load_policy(fixture("unmatchable_glob.toml"), kPolicyVendors);
  REQUIRE(globs.deny.size() == 1);
  CHECK(globs.deny[0].paths.size() == 3);  // still loaded: a warning, not an error
  CHECK(globs.warnings ==
        std::vector<std::string>{
            fixture("unmatchable_glob.toml") +
                ":3:26: glob '/services/./ivf/' can never match: page paths never hold '.' or "
                "'..' segments (URLs are normalized)",
            fixture("unmatchable_glob.toml") +
                ":4:10: glob '/\xC3\xA4rzte/**' can never match: page paths hold non-ASCII and "
                "unsafe characters percent-encoded: write '/%C3%A4rzte/**'"});
  Policy allow = load_policy(fixture("allow_without_deny.toml"), kPolicyVendors);
  CHECK(allow.warnings ==
        std::vector<std::string>{fixture("allow_without_deny.toml") +
                                 ":3:1: [[allow]] rules excuse nothing without a [[deny]] rule"});
  CHECK(load_policy(fixture("full.toml"), kPolicyVendors).warnings.empty());
}
