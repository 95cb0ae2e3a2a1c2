// The real `tagdrift` program's reports, run as the README's GitHub recipe runs it (a built site
// in public/ of the working directory), each format checked by a real validator: JSON against
// docs/report.schema.json, SARIF against the SARIF 2.1.0 JSON Schema, JUnit with xmllint.
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/report/schema_check.h"
#include "tests/support/child_process.h"
#include "tests/support/loopback_server.h"
#include "tests/support/temp_dir.h"

namespace fs = std::filesystem;
using nlohmann::json;
using tagdrift::testing::ChildResult;
using tagdrift::testing::read_file;
using tagdrift::testing::SchemaCheck;
using tagdrift::testing::TempDir;

namespace {

[[maybe_unused]] const bool kSpawnerStarted = (tagdrift::testing::start_spawner(), true);

const std::string kBaseUrl = "https://www.example-clinic.test/";

// A clean folder holding the example clinic site as a build would leave it: public/.
struct Project {
  TempDir dir;
  Project() {
    fs::copy(std::string(TAGDRIFT_SOURCE_DIR) + "/examples/clinic-site", dir.path() / "public",
             fs::copy_options::recursive);
  }
  fs::path operator/(const std::string& name) const { return dir.path() / name; }
};

// `tagdrift ARGS...` run in `cwd`, as a user in that folder would type it.
ChildResult tagdrift_in(const fs::path& cwd, const std::vector<std::string>& args) {
  std::vector<std::string> argv = {"/bin/sh", "-c",         "cd \"$1\" && shift && exec \"$@\"",
                                   "sh",      cwd.string(), TAGDRIFT_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  return tagdrift::testing::run_child(argv, cwd, {}, std::chrono::seconds(60));
}

// A missing validator or schema skips the check on a developer's machine and fails it where
// scripts/test installed them (TAGDRIFT_REQUIRE_SCHEMAS=1).
void check_valid(const SchemaCheck& check, const std::string& what, bool validator_missing) {
  INFO(what << ": " << check.output);
  if (validator_missing && !tagdrift::testing::schemas_required()) {
    WARN(what << " not validated: " << check.output);
    return;
  }
  CHECK(check.exit_status == 0);
}

void check_json_report(const fs::path& file) {
  const SchemaCheck check = tagdrift::testing::check_against_schema(json::parse(read_file(file)));
  check_valid(check, file.string(), check.exit_status == 3);
}

void check_sarif_report(const fs::path& file) {
  const std::string schema = tagdrift::testing::sarif_schema_path();
  if (schema.empty()) {
    check_valid({-1, "no SARIF schema: run scripts/deps"}, file.string(), true);
    return;
  }
  const SchemaCheck check =
      tagdrift::testing::check_against_schema(json::parse(read_file(file)), schema);
  check_valid(check, file.string(), check.exit_status == 3);
}

void check_junit_report(const fs::path& file) {
  const SchemaCheck check = tagdrift::testing::check_xml(file);
  check_valid(check, file.string(), check.exit_status == 127);
}

// Renders the scan of `target` in every format into DIR/report.FORMAT and validates each.
// Returns the exit code, the same for every format.
int scan_in_every_format(const Project& project, const std::string& target,
                         const std::vector<std::string>& flags) {
  int exit_code = -1;
  for (const std::string format : {"json", "sarif", "junit", "markdown", "text"}) {
    std::vector<std::string> args = {
        "scan",    target,     "--base-url", kBaseUrl,   "--no-db",
        "--quiet", "--format", format,       "--output", "report." + format};
    args.insert(args.end(), flags.begin(), flags.end());
    ChildResult run = tagdrift_in(project.dir.path(), args);
    INFO(format << " stderr: " << run.err);
    CHECK(run.out.empty());  // the report went to the file
    if (exit_code == -1) exit_code = run.exit_code;
    CHECK(run.exit_code == exit_code);
    REQUIRE(fs::file_size(project / ("report." + format)) > 0);
  }
  check_json_report(project / "report.json");
  check_sarif_report(project / "report.sarif");
  check_junit_report(project / "report.junit");
  return exit_code;
}

// Every location of every result, as artifactLocation objects.
std::vector<json> artifact_locations(const json& sarif) {
  std::vector<json> out;
  for (const json& result : sarif["runs"][0]["results"]) {
    for (const json& location : result["locations"]) {
      out.push_back(location["physicalLocation"]["artifactLocation"]);
    }
  }
  return out;
}

const json* result_of(const json& sarif, const std::string& rule_id, const std::string& key) {
  for (const json& result : sarif["runs"][0]["results"]) {
    if (result["ruleId"] == rule_id && result["properties"]["key"] == key) return &result;
  }
  return nullptr;
}

constexpr const char* kPolicy = R"(# What may run where on www.example-clinic.test.
[[deny]]
category = "advertising"
paths = ["/services/**", "/appointments/**"]
reason = "no ad tags on clinical pages"

[[deny]]
category = "session-replay"
paths = ["/patient-portal/**"]
)";

}  // namespace

TEST_CASE("report formats: the validators reject a broken report, so these tests can fail") {
  TempDir dir;
  const fs::path broken = dir.write("broken.xml", "<testsuite><testcase></testsuite>");
  const SchemaCheck xml = tagdrift::testing::check_xml(broken);
  if (xml.exit_status != 127 || tagdrift::testing::schemas_required()) {
    CHECK(xml.exit_status != 0);
  }
  const std::string schema = tagdrift::testing::sarif_schema_path();
  if (tagdrift::testing::schemas_required()) REQUIRE_FALSE(schema.empty());
  if (!schema.empty()) {
    json log = {{"version", "2.0.0"}, {"runs", json::array({json::object()})}};
    CHECK(tagdrift::testing::check_against_schema(log, schema).exit_status == 1);
  }
}

TEST_CASE("report formats: the example site's scan is valid in every format") {
  Project project;
  CHECK(scan_in_every_format(project, "public/", {}) == 0);
  const std::string text = read_file(project / "report.text");
  CHECK(text.find("worst: critical \u2014 Hotjar 2847193 on /appointments/ (+19 more pages)\n") !=
        std::string::npos);
}

TEST_CASE("report formats: SARIF of a directory target points at files in the repository") {
  Project project;
  ChildResult run = tagdrift_in(project.dir.path(),
                                {"scan", "public/", "--base-url", kBaseUrl, "--no-db", "--quiet",
                                 "--format", "sarif", "--output", "tagdrift.sarif"});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  const json sarif = json::parse(read_file(project / "tagdrift.sarif"));
  const std::vector<json> locations = artifact_locations(sarif);
  REQUIRE_FALSE(locations.empty());
  for (const json& artifact : locations) {
    INFO(artifact.dump());
    CHECK(artifact["uriBaseId"] == "%SRCROOT%");
    const std::string uri = artifact["uri"];
    CHECK(uri.starts_with("public/"));
    CHECK(fs::is_regular_file(project / uri));
  }
  const json* meta = result_of(sarif, "meta-pixel", "meta:4836152907314682");
  REQUIRE(meta != nullptr);
  const json& where = (*meta)["locations"][0];
  CHECK(where["physicalLocation"]["artifactLocation"]["uri"] == "public/appointments/index.html");
  CHECK(where["physicalLocation"]["region"]["startLine"].get<int>() > 1);
  CHECK(where["message"]["text"] == kBaseUrl + "appointments/");
}

TEST_CASE("report formats: the README's GitHub recipe fails on policy, every rule a result") {
  Project project;
  (void)project.dir.write("tagdrift-policy.toml", kPolicy);
  // As the README's workflow runs it.
  ChildResult run =
      tagdrift_in(project.dir.path(), {"scan", "public/", "--base-url", kBaseUrl, "--no-db",
                                       "--policy", "tagdrift-policy.toml", "--fail-on", "policy",
                                       "--format", "sarif", "--output", "tagdrift.sarif"});
  INFO(run.err);
  CHECK(run.exit_code == 1);
  CHECK(run.err.find("tagdrift: --fail-on policy met by ") != std::string::npos);
  check_sarif_report(project / "tagdrift.sarif");
  const json sarif = json::parse(read_file(project / "tagdrift.sarif"));
  const std::string rule = "policy/deny advertising on /appointments/**";
  const json* meta = result_of(sarif, rule, "meta:4836152907314682");
  REQUIRE(meta != nullptr);
  CHECK((*meta)["level"] == "error");
  CHECK((*meta)["message"]["text"] ==
        "Meta Pixel 4836152907314682 breaks the policy rule deny advertising on /appointments/** "
        "(no ad tags on clinical pages) on /appointments/");
  CHECK((*meta)["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] ==
        "public/appointments/index.html");
  const json& rules = sarif["runs"][0]["tool"]["driver"]["rules"];
  const json& rule_meta = rules[(*meta)["ruleIndex"].get<std::size_t>()];
  CHECK(rule_meta["id"] == rule);
  CHECK(rule_meta["help"]["text"].get<std::string>().find("no ad tags on clinical pages") !=
        std::string::npos);
  // Hotjar breaks the session-replay rule on the portal.
  CHECK(result_of(sarif, "policy/deny session-replay on /patient-portal/**", "hotjar:2847193"));
  // Every signature rule tells what to do.
  for (const json& r : rules) {
    INFO(r.dump());
    CHECK_FALSE(r["help"]["text"].get<std::string>().empty());
  }
  // The other formats of the same scan are valid too.
  CHECK(scan_in_every_format(project, "public/",
                             {"--policy", "tagdrift-policy.toml", "--fail-on", "policy"}) == 1);
}

TEST_CASE("report formats: a stored directory scan reports the same file locations") {
  Project project;
  ChildResult scan = tagdrift_in(project.dir.path(),
                                 {"scan", "public/", "--base-url", kBaseUrl, "--db", "history.db",
                                  "--quiet", "--format", "sarif", "--output", "scan.sarif"});
  INFO(scan.err);
  REQUIRE(scan.exit_code == 0);
  ChildResult report = tagdrift_in(project.dir.path(), {"report", "--db", "history.db", "--format",
                                                        "sarif", "--output", "report.sarif"});
  INFO(report.err);
  REQUIRE(report.exit_code == 0);
  const json stored = json::parse(read_file(project / "report.sarif"));
  CHECK(artifact_locations(stored) ==
        artifact_locations(json::parse(read_file(project / "scan.sarif"))));
  CHECK(artifact_locations(stored).front()["uri"].get<std::string>().starts_with("public/"));
}

TEST_CASE("report formats: a scan that could not run (exit 3) still writes valid reports") {
  Project project;
  fs::create_directory(project / "empty");
  CHECK(scan_in_every_format(project, "empty/", {}) == 3);
  const json sarif = json::parse(read_file(project / "report.sarif"));
  CHECK(sarif["runs"][0]["invocations"][0]["executionSuccessful"] == false);
}

TEST_CASE("report formats: an audit of a URL crawl counts query variants of a page once") {
  tagdrift::testing::LoopbackServer server;
  server.serve_directory(std::string(TAGDRIFT_SOURCE_DIR) + "/examples/clinic-site");
  server.start();
  Project project;
  // The README's ad hoc audit, against the example site on loopback: the appointment form is
  // linked as /appointments/ and as /appointments/?service=... from every service page.
  ChildResult run = tagdrift_in(project.dir.path(), {"scan", server.url("/"), "--no-db", "--format",
                                                     "markdown", "--output", "audit.md"});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  const std::string audit = read_file(project / "audit.md");
  INFO(audit);
  CHECK(audit.find("| critical | new | Meta Pixel | 4836152907314682 | 1 |\n") !=
        std::string::npos);
  CHECK(audit.find("<details><summary>1 page</summary>\n\n- /appointments/\n"
                   "  - /appointments/?service=") != std::string::npos);
  CHECK(audit.find("and 15 more pages") == std::string::npos);
  for (const std::string format : {"json", "sarif", "junit"}) {
    ChildResult again =
        tagdrift_in(project.dir.path(), {"scan", server.url("/"), "--no-db", "--quiet", "--format",
                                         format, "--output", "audit." + format});
    REQUIRE(again.exit_code == 0);
  }
  check_json_report(project / "audit.json");
  check_sarif_report(project / "audit.sarif");
  check_junit_report(project / "audit.junit");
  const json report = json::parse(read_file(project / "audit.json"));
  for (const json& finding : report["findings"]) {
    if (finding["key"] != "meta:4836152907314682") continue;
    CHECK(finding["page_count"] == 1);
    CHECK(finding["pages"].size() > 1);
  }
  const json sarif = json::parse(read_file(project / "audit.sarif"));
  const json* meta = result_of(sarif, "meta-pixel", "meta:4836152907314682");
  REQUIRE(meta != nullptr);
  REQUIRE((*meta)["locations"].size() == 1);
  CHECK((*meta)["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] ==
        server.url("/appointments/"));
}
