// The real `tagdrift scan` on a site that answers 401 or 503 to its start page, or is not there at
// all: exit 3, one line on stderr, and every report format says the scan failed and why instead
// of reading like a pass. --notify posts the failure, and `tagdrift report` of the stored scan
// says the same.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/cli/cli_run.h"
#include "tests/cli/switchable_site.h"
#include "tests/report/schema_check.h"
#include "tests/support/temp_dir.h"

namespace fs = std::filesystem;
using nlohmann::json;
using tagdrift::testing::ChildResult;
using tagdrift::testing::SwitchableSite;
using tagdrift::testing::tagdrift_run;
using tagdrift::testing::TempDir;

namespace {

const char* kPinterest = "<script>pintrk('load', '2612345678901'); pintrk('page');</script>";

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

void check_valid_json(const json& document, const std::string& schema) {
  auto check = tagdrift::testing::check_against_schema(document, schema);
  INFO(check.output);
  CHECK(check.exit_status == 0);
}

// xmllint, as a CI server's JUnit reader would parse the file.
void check_well_formed_xml(const fs::path& file) {
  const std::string command = "xmllint --noout '" + file.string() + "' 2>&1";
  CHECK(std::system(command.c_str()) == 0);
}

// What each format must say of a scan of `url` that could not run because of `reason`.
void check_report_says_failed(const std::string& format, const fs::path& file,
                              const std::string& url, const std::string& reason) {
  const std::string report = tagdrift::testing::read_file(file);
  INFO(format << " report:\n" << report);
  if (format == "text") {
    CHECK(report.starts_with("SCAN FAILED: the scan could not run: 1 target could not be scanned"));
    CHECK(has(report, "\n  " + url + ": " + reason));
    CHECK_FALSE(has(report, "nothing new or changed"));
  } else if (format == "markdown") {
    CHECK(report.starts_with("## tagdrift: scan failed \u2014 the scan could not run"));
    CHECK(has(report, "\n### Scan failed\n"));
    CHECK(has(report, reason));
    CHECK_FALSE(has(report, "no new or changed tags"));
  } else if (format == "junit") {
    check_well_formed_xml(file);
    CHECK(has(report, "errors=\"1\""));
    CHECK(has(report, "<testcase classname=\"tagdrift.scan\" name=\"" + url + "\">"));
    std::string escaped = reason;  // as XML carries it in an attribute
    for (auto at = escaped.find('\''); at != std::string::npos; at = escaped.find('\'', at)) {
      escaped.replace(at, 1, "&apos;");
    }
    CHECK(has(report,
              "<error message=\"could not be scanned: " + escaped + "\" type=\"target-failed\">"));
  } else if (format == "sarif") {
    json log = json::parse(report);
    const json& invocation = log.at("runs").at(0).at("invocations").at(0);
    CHECK(invocation.at("executionSuccessful") == false);
    const json& first = invocation.at("toolExecutionNotifications").at(0);
    CHECK(first.at("level") == "error");
    CHECK(first.at("message").at("text") == "could not scan " + url + ": " + reason);
    CHECK(first.at("properties").at("target") == url);
  } else {
    json document = json::parse(report);
    CHECK(document.at("failed_targets") == json::array({{{"target", url}, {"reason", reason}}}));
    CHECK(document.at("scan").at("complete") == false);
    check_valid_json(document, "report.schema.json");
  }
}

const std::vector<std::string> kFormats = {"text", "json", "markdown", "junit", "sarif"};

}  // namespace

TEST_CASE("scan failure: a site answering 401 fails in every format with the reason, exit 3") {
  SwitchableSite site;
  site.set("/", 401, "<html><body>Log in</body></html>");
  TempDir dir;
  const std::string url = site.url("/");
  for (const std::string& format : kFormats) {
    const fs::path out = dir.path() / ("report." + format);
    ChildResult run = tagdrift_run({"scan", url, "--no-db", "--quiet", "--fail-on", "new",
                                    "--format", format, "--output", out.string()},
                                   dir.path());
    INFO(format << ": " << run.err);
    CHECK(run.exit_code == 3);
    CHECK(run.err == "tagdrift: target could not be scanned: " + url + ": HTTP 401\n");
    CHECK(run.out.empty());
    check_report_says_failed(format, out, url, "HTTP 401");
  }
}

TEST_CASE("scan failure: an unreachable site fails in every format with the reason, exit 3") {
  std::string url;
  {
    SwitchableSite gone;  // a port that was just listening and is now closed
    url = gone.url("/");
  }
  TempDir dir;
  for (const std::string& format : kFormats) {
    const fs::path out = dir.path() / ("report." + format);
    ChildResult run = tagdrift_run({"scan", url, "--no-db", "--quiet", "--retries", "0", "--format",
                                    format, "--output", out.string()},
                                   dir.path());
    INFO(format << ": " << run.err);
    CHECK(run.exit_code == 3);
    const std::string prefix = "tagdrift: target could not be scanned: " + url + ": ";
    REQUIRE(run.err.starts_with(prefix));
    const std::string reason = run.err.substr(prefix.size(), run.err.size() - prefix.size() - 1);
    CHECK(has(reason, "onnect"));
    check_report_says_failed(format, out, url, reason);
  }
}

TEST_CASE("scan failure: a nightly scan of a site that went down notifies, and report agrees") {
  SwitchableSite site;
  site.set("/", 200,
           std::string("<html><head><title>Clinic</title>") + kPinterest +
               "</head><body><a href='/services/ivf/'>IVF</a></body></html>");
  site.set("/services/ivf/", 200,
           std::string("<html><head><title>IVF treatment</title>") + kPinterest +
               "</head><body><h1>IVF and fertility treatment</h1></body></html>");
  tagdrift::testing::Webhook hook;
  TempDir dir;
  const std::string db = (dir.path() / "history.db").string();
  const std::string url = site.url("/");
  ChildResult first = tagdrift_run(
      {"scan", url, "--db", db, "--quiet", "--output", (dir.path() / "first.txt").string()},
      dir.path());
  INFO(first.err);
  REQUIRE(first.exit_code == 0);
  const std::size_t posts_before = hook.posts().size();

  site.set("/", 503, "down for maintenance");
  const fs::path out = dir.path() / "nightly.txt";
  ChildResult nightly = tagdrift_run({"scan", url, "--db", db, "--quiet", "--retries", "0",
                                      "--notify", hook.url(), "--output", out.string()},
                                     dir.path());
  INFO(nightly.err);
  CHECK(nightly.exit_code == 3);
  CHECK(nightly.err == "tagdrift: target could not be scanned: " + url + ": HTTP 503\n");
  const std::string text = tagdrift::testing::read_file(out);
  INFO(text);
  CHECK(text.starts_with("SCAN FAILED: the scan could not run"));
  CHECK(has(text, "\nNot verified in this scan (1)\n  pinterest 2612345678901"));
  CHECK_FALSE(has(text, "Removed"));

  auto posts = hook.posts();
  REQUIRE(posts.size() == posts_before + 1);
  json body = json::parse(posts.back().body);
  INFO(body.dump(2));
  CHECK(body.at("scan_failed") == true);
  CHECK(body.at("failed_targets") == json::array({{{"target", url}, {"reason", "HTTP 503"}}}));
  CHECK(body.at("text").get<std::string>().starts_with("tagdrift: SCAN FAILED for "));
  CHECK(has(body.at("text"), "could not scan " + url + ": HTTP 503"));
  CHECK(body.at("removed").empty());
  CHECK(body.at("unverified").at(0).at("key") == "pinterest:2612345678901");
  check_valid_json(body, "notify.schema.json");

  // The stored scan, rendered again later, says the same.
  for (const std::string& format : kFormats) {
    const fs::path again = dir.path() / ("again." + format);
    ChildResult report = tagdrift_run(
        {"report", "--db", db, "--format", format, "--output", again.string()}, dir.path());
    INFO(format << ": " << report.err);
    CHECK(report.exit_code == 0);
    check_report_says_failed(format, again, url, "HTTP 503");
  }
}
