// The README's three ways to run tagdrift, each command taken from README.md as written and run by
// a shell from a clean folder, the way a user pastes it: only the site's and the webhook's
// addresses, and the cron job's folder, are replaced by the test's loopback servers and temp dir.
// Every flag stays as the README writes it, so a README example that stops working fails here.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/cli/cli_run.h"
#include "tests/support/loopback_server.h"
#include "tests/support/temp_dir.h"

namespace fs = std::filesystem;
using tagdrift::testing::ChildResult;
using tagdrift::testing::LoopbackServer;
using tagdrift::testing::read_file;
using tagdrift::testing::shell_run;
using tagdrift::testing::TempDir;

namespace {

const std::string kExampleSite = std::string(TAGDRIFT_SOURCE_DIR) + "/examples/clinic-site";
const std::string kReadmeSite = "https://www.example-clinic.test/";

std::string readme() { return read_file(std::string(TAGDRIFT_SOURCE_DIR) + "/README.md"); }

// The README's line that starts with `start`, joined with its continuation lines (a shell's
// trailing backslash, or YAML's indented folding), as one command line.
std::string readme_command(const std::string& start) {
  const std::string text = readme();
  std::size_t at = text.find("\n" + start);
  if (at == std::string::npos) at = text.find(start);
  REQUIRE(at != std::string::npos);
  if (text[at] == '\n') ++at;
  std::string command;
  while (true) {
    std::size_t end = text.find('\n', at);
    std::string line = text.substr(at, end - at);
    const std::size_t first = line.find_first_not_of(' ');
    line = line.substr(first == std::string::npos ? line.size() : first);
    const bool continued = !line.empty() && line.back() == '\\';
    if (continued) line.pop_back();
    while (!line.empty() && line.back() == ' ') line.pop_back();
    command += (command.empty() ? "" : " ") + line;
    at = end + 1;
    // YAML folds a plain scalar's more-indented next line into it.
    const bool folded = text.compare(at, 13, "             ") == 0;
    if (!continued && !folded) break;
  }
  return command;
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos;
       at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

// A policy the example site keeps: it has no LinkedIn tag, and Meta only on /appointments/.
const char* kPolicy = R"(# What may run where on www.example-clinic.test.
fail_on = "policy"

[[deny]]
vendor = "linkedin"
reason = "no LinkedIn Insight tag"

[[deny]]
vendor = "meta"
paths = ["/careers/**", "/blog/**"]
)";

// The build output folder and its policy, as a CI job's checkout has them.
void checkout(const fs::path& folder) {
  fs::copy(kExampleSite, folder / "public", fs::copy_options::recursive);
  std::ofstream(folder / "tagdrift-policy.toml") << kPolicy;
}

bool xmllint_ok(const fs::path& file, const fs::path& log_dir) {
  return tagdrift::testing::run_child({"/usr/bin/xmllint", "--noout", file.string()}, log_dir)
             .exit_code == 0;
}

}  // namespace

TEST_CASE("readme uses: the ad hoc audit writes its Markdown report and exits 0") {
  LoopbackServer site;
  site.serve_directory(kExampleSite);
  site.start();
  TempDir logs, folder;
  const std::string command =
      replace_all(readme_command("tagdrift scan https://www.example-clinic.test/ --no-db"),
                  kReadmeSite, site.url("/"));
  CHECK(command.find("--no-db --format markdown --output audit.md") != std::string::npos);
  ChildResult run = shell_run(command, folder.path(), logs.path());
  INFO(command << "\nstderr: " << run.err);
  CHECK(run.exit_code == 0);
  CHECK(run.out.empty());  // the report went to the file
  const std::string audit = read_file(folder.path() / "audit.md");
  CHECK(audit.starts_with("## tagdrift: 8 new, 0 changed\n"));
  CHECK(audit.find("| Pinterest Tag | 2612345678901 |") != std::string::npos);
  CHECK_FALSE(fs::exists(folder.path() / "tagdrift.db"));  // --no-db
}

TEST_CASE("readme uses: the CI gate runs from a clean folder with no .tagdrift/ yet") {
  TempDir logs, folder;
  checkout(folder.path());
  const std::string command = readme_command("tagdrift scan public/ --base-url");
  CHECK(command ==
        "tagdrift scan public/ --base-url https://www.example-clinic.test/ --policy "
        "tagdrift-policy.toml --db .tagdrift/history.db --fail-on new --format junit --output "
        "tagdrift.xml");
  REQUIRE_FALSE(fs::exists(folder.path() / ".tagdrift"));

  // First run: the history's folder is created, and every tag is new, so --fail-on new stops.
  ChildResult first = shell_run(command, folder.path(), logs.path());
  INFO("stderr: " << first.err);
  CHECK(first.exit_code == 1);
  CHECK(first.err == "tagdrift: --fail-on new met by 8 findings\n");
  CHECK(fs::is_regular_file(folder.path() / ".tagdrift" / "history.db"));
  CHECK(xmllint_ok(folder.path() / "tagdrift.xml", logs.path()));
  CHECK(read_file(folder.path() / "tagdrift.xml").find("<failure") != std::string::npos);

  // The job re-run: a scan that failed the gate is no baseline, so the same tags fail it again.
  ChildResult rerun = shell_run(command, folder.path(), logs.path());
  INFO("stderr: " << rerun.err);
  CHECK(rerun.exit_code == 1);
  CHECK(rerun.err == "tagdrift: --fail-on new met by 8 findings\n");

  // The site accepted as it is (the same command once without --fail-on new), then the next
  // build of the same site: nothing new, the policy kept, the gate passes.
  std::string accept = command;
  accept.erase(accept.find(" --fail-on new"), std::string(" --fail-on new").size());
  CHECK(shell_run(accept, folder.path(), logs.path()).exit_code == 0);
  ChildResult second = shell_run(command, folder.path(), logs.path());
  INFO("stderr: " << second.err);
  CHECK(second.exit_code == 0);
  CHECK(second.err.empty());
  CHECK(xmllint_ok(folder.path() / "tagdrift.xml", logs.path()));
  CHECK(read_file(folder.path() / "tagdrift.xml").find("<failure") == std::string::npos);
}

TEST_CASE(
    "readme uses: the GitHub Actions gate passes on a first run of a site that keeps policy") {
  TempDir logs, folder;
  checkout(folder.path());
  const std::string command = readme_command("- run: tagdrift scan public/").substr(7);
  CHECK(command.find("--no-db --policy tagdrift-policy.toml --fail-on policy --format sarif") !=
        std::string::npos);
  ChildResult run = shell_run(command, folder.path(), logs.path());
  INFO(command << "\nstderr: " << run.err);
  CHECK(run.exit_code == 0);
  auto sarif = nlohmann::json::parse(read_file(folder.path() / "tagdrift.sarif"));
  CHECK(sarif["version"] == "2.1.0");
  CHECK_FALSE(sarif["runs"][0]["results"].empty());

  // The same job once the site breaks the policy: a Meta Pixel on the blog stops it.
  std::ofstream(folder.path() / "public" / "blog" / "index.html", std::ios::app)
      << "<script>fbq('init', '4836152907314682'); fbq('track', 'PageView');</script>\n";
  ChildResult broken = shell_run(command, folder.path(), logs.path());
  INFO("stderr: " << broken.err);
  CHECK(broken.exit_code == 1);
  CHECK(broken.err == "tagdrift: --fail-on policy met by 1 finding\n");
}

TEST_CASE("readme uses: the scheduled scan keeps its history and notifies the webhook of drift") {
  LoopbackServer site;
  site.serve_directory(kExampleSite);
  site.start();
  LoopbackServer hook;
  std::mutex mutex;
  std::vector<std::string> posts;
  hook.http().Post("/services/T000/B000/XXXX",
                   [&](const httplib::Request& req, httplib::Response& res) {
                     std::lock_guard lock(mutex);
                     posts.push_back(req.body);
                     res.set_content("ok", "text/plain");
                   });
  hook.start();
  TempDir logs, folder;
  std::string line = readme_command("17 3 * * *  cd /var/lib/tagdrift && tagdrift scan");
  line = line.substr(line.find("cd /var/lib/tagdrift"));
  line = replace_all(line, "/var/lib/tagdrift", folder.path().string());
  line = replace_all(line, "https://hooks.slack.com/services/T000/B000/XXXX",
                     hook.url("/services/T000/B000/XXXX"));
  line = replace_all(line, kReadmeSite, site.url("/"));
  CHECK(line.find("--quiet --notify") != std::string::npos);

  ChildResult first = shell_run(line, folder.path(), logs.path());
  INFO(line << "\nscan.log: " << read_file(folder.path() / "scan.log"));
  CHECK(first.exit_code == 0);
  CHECK(fs::is_regular_file(folder.path() / "tagdrift.db"));
  {
    std::lock_guard lock(mutex);
    REQUIRE(posts.size() == 1);  // every tag is new on the first night
    auto body = nlohmann::json::parse(posts[0]);
    CHECK(body["text"].is_string());
  }
  // The next night, nothing changed: no notification.
  ChildResult second = shell_run(line, folder.path(), logs.path());
  CHECK(second.exit_code == 0);
  std::lock_guard lock(mutex);
  CHECK(posts.size() == 1);
}
