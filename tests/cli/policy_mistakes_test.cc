// The real `tagdrift` program given a policy that cannot do what its author meant: a directory,
// /dev/null, an empty file, a misspelled vendor. Each one used to run as if no policy were given
// and pass the gate; each is now refused (exit 2, one line with the file, line, the bad value and
// the closest known one) before anything is crawled or written. A glob that can never match is
// a warning, and the gate still runs.
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/cli/cli_run.h"
#include "tests/support/temp_dir.h"

namespace fs = std::filesystem;
using tagdrift::testing::check_refused;
using tagdrift::testing::ChildResult;
using tagdrift::testing::tagdrift_run;
using tagdrift::testing::TempDir;

namespace {

const std::string kSite = std::string(TAGDRIFT_SOURCE_DIR) + "/examples/clinic-site";
const std::string kBaseUrl = "https://www.example-clinic.test/";

// `tagdrift scan` of the example site with `policy` and --fail-on policy, history in `dir`.
ChildResult gate(const TempDir& dir, const std::string& policy,
                 const std::vector<std::string>& extra = {}) {
  std::vector<std::string> args = {
      "scan",     kSite,  "--base-url", kBaseUrl, "--db",   (dir.path() / "history.db").string(),
      "--policy", policy, "--fail-on",  "policy", "--quiet"};
  args.insert(args.end(), extra.begin(), extra.end());
  return tagdrift_run(args, dir.path());
}

}  // namespace

TEST_CASE("policy mistakes: a directory or /dev/null as --policy is refused, not ignored") {
  TempDir dir;
  fs::create_directory(dir.path() / "policies");
  const std::string folder = (dir.path() / "policies").string();
  check_refused(gate(dir, folder), 2, folder + ": not a policy file (a directory)");
  check_refused(gate(dir, "/dev/null"), 2,
                "/dev/null: the policy file sets nothing (no fail_on, no [[deny]] or [[allow]] "
                "rule)");
  CHECK_FALSE(fs::exists(dir.path() / "history.db"));
}

TEST_CASE("policy mistakes: an empty or comment-only policy file is refused") {
  TempDir dir;
  const fs::path empty = dir.write("empty.toml", "");
  const fs::path comments = dir.write("comments.toml", "# [[deny]]\n# vendor = \"meta\"\n");
  for (const fs::path& file : {empty, comments}) {
    check_refused(gate(dir, file.string()), 2,
                  file.string() +
                      ": the policy file sets nothing (no fail_on, no [[deny]] or [[allow]] rule)");
  }
  CHECK_FALSE(fs::exists(dir.path() / "history.db"));
}

TEST_CASE("policy mistakes: a misspelled vendor is refused with the vendor meant") {
  TempDir dir;
  const fs::path typo = dir.write("typo.toml", "[[deny]]\nvendor = \"pinterst\"\n");
  check_refused(gate(dir, typo.string()), 2,
                typo.string() + ":2:10: unknown vendor 'pinterst'; did you mean 'pinterest'?");
  const fs::path key = dir.write("key.toml", "[[deny]]\nkey = \"tik-tok:CK9P4Q7R2M1N8B3V5X6Z\"\n");
  check_refused(gate(dir, key.string()), 2,
                key.string() +
                    ":2:7: unknown vendor 'tik-tok' in key 'tik-tok:CK9P4Q7R2M1N8B3V5X6Z'; did "
                    "you mean 'tiktok'?");
  const fs::path rule_key = dir.write("rule_key.toml", "[[deny]]\nvendr = \"pinterest\"\n");
  check_refused(gate(dir, rule_key.string()), 2,
                rule_key.string() +
                    ":2:1: unknown key 'vendr' in [[deny]] (vendor, category, key, paths, "
                    "reason); did you mean 'vendor'?");
  CHECK_FALSE(fs::exists(dir.path() / "history.db"));

  // Spelled right, the same rule stops the gate: the example site has a Pinterest Tag.
  const fs::path right = dir.write("right.toml", "[[deny]]\nvendor = \"pinterest\"\n");
  ChildResult stopped = gate(dir, right.string(), {"--format", "json"});
  INFO("stderr: " << stopped.err);
  CHECK(stopped.exit_code == 1);
  CHECK(stopped.err == "tagdrift: --fail-on policy met by 1 finding\n");
}

TEST_CASE("policy mistakes: vendors from --signatures DIR may be named, others not") {
  TempDir dir;
  dir.write("sigs/acme.toml", R"toml(vendor = "acme"
product = "Acme Pixel"
category = "analytics"
[[signature]]
id = "acme-pixel"
  [[signature.pattern]]
  places = ["inline"]
  regex = '''acme\.init\(['"](?P<id>\d+)'''
)toml");
  const fs::path policy = dir.write("acme.toml", "[[deny]]\nvendor = \"acme\"\n");
  check_refused(gate(dir, policy.string()), 2,
                policy.string() +
                    ":2:10: unknown vendor 'acme' (tagdrift signatures list names every vendor)");
  ChildResult run = gate(dir, policy.string(), {"--signatures", (dir.path() / "sigs").string()});
  INFO("stderr: " << run.err);
  CHECK(run.exit_code == 0);  // known now, and the site has no Acme tag
}

TEST_CASE("policy mistakes: fail_on = policy with no deny rule is refused") {
  TempDir dir;
  const fs::path policy =
      dir.write("allow.toml", "fail_on = \"policy\"\n[[allow]]\nvendor = \"meta\"\n");
  check_refused(
      gate(dir, policy.string()), 2,
      policy.string() + ":1:11: fail_on = \"policy\" with no [[deny]] rule can never fail");
}

TEST_CASE("policy mistakes: a glob that can never match warns on stderr and the gate still runs") {
  TempDir dir;
  const fs::path policy =
      dir.write("globs.toml",
                "[[deny]]\nvendor = \"pinterest\"\npaths = [\"/blog/../services/**\"]\n"
                "[[deny]]\nvendor = \"meta\"\n");
  ChildResult run = gate(dir, policy.string(), {"--format", "json"});
  INFO("stderr: " << run.err);
  CHECK(run.exit_code == 1);  // the meta rule still stops the gate
  CHECK(run.err == "tagdrift: warning: " + policy.string() +
                       ":3:10: glob '/blog/../services/**' can never match: page paths never "
                       "hold '.' or '..' segments (URLs are normalized)\n"
                       "tagdrift: --fail-on policy met by 1 finding\n");
  CHECK(run.out.starts_with("{"));  // stdout carries the report only
}

TEST_CASE("policy mistakes: report and diff refuse a misspelled vendor too") {
  TempDir dir;
  const fs::path right = dir.write("right.toml", "[[deny]]\nvendor = \"meta\"\n");
  REQUIRE(gate(dir, right.string()).exit_code == 1);
  const fs::path typo = dir.write("typo.toml", "[[deny]]\nvendor = \"metta\"\n");
  check_refused(tagdrift_run({"report", "--db", (dir.path() / "history.db").string(), "--policy",
                              typo.string()},
                             dir.path()),
                2, typo.string() + ":2:10: unknown vendor 'metta'; did you mean 'meta'?");
}
