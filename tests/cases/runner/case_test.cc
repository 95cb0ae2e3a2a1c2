// Runs one scenario case (tests/cases/NNN-name/, named by TAGDRIFT_CASE): each of its scans is
// the real `tagdrift scan` on the case's site, served on loopback or read as a directory, into
// one history; each scan's exit code, stderr and JSON report are checked against the case.
#include <toml++/toml.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/cases/runner/json_subset.h"
#include "tests/support/child_process.h"
#include "tests/support/loopback_server.h"
#include "tests/support/temp_dir.h"

namespace fs = std::filesystem;
using tagdrift::testing::ChildResult;
using tagdrift::testing::LoopbackServer;
using tagdrift::testing::TempDir;

namespace {

[[maybe_unused]] const bool kSpawnerStarted = (tagdrift::testing::start_spawner(), true);

struct Scan {
  std::string site = "site";  // folder of the case
  bool directory = false;     // target: the folder itself, not a loopback URL serving it
  std::vector<std::string> args;
  std::map<std::string, int> status;  // path -> status answered instead of the file
  int exit_code = 0;
  std::string expect;                   // file of the case with the expected JSON report subset
  std::vector<std::string> stderr_has;  // lines stderr must contain
};

std::vector<std::string> strings_of(const toml::node_view<const toml::node>& node) {
  std::vector<std::string> out;
  if (const toml::array* list = node.as_array()) {
    for (const toml::node& item : *list) out.push_back(item.value_or(std::string()));
  }
  return out;
}

std::vector<Scan> load_scans(const fs::path& dir) {
  const toml::table table = toml::parse_file((dir / "case.toml").string());
  std::vector<Scan> scans;
  const toml::array* list = table["scan"].as_array();
  REQUIRE(list != nullptr);
  for (const toml::node& node : *list) {
    const toml::table& entry = *node.as_table();
    Scan scan;
    scan.site = entry["site"].value_or(scan.site);
    scan.directory = entry["target"].value_or(std::string("url")) == "dir";
    scan.args = strings_of(entry["args"]);
    if (const toml::table* status = entry["status"].as_table()) {
      for (const auto& [path, code] : *status) {
        scan.status[std::string(path.str())] = static_cast<int>(code.value_or(0));
      }
    }
    scan.exit_code = static_cast<int>(entry["exit_code"].value_or(0));
    scan.expect = entry["expect"].value_or(std::string());
    scan.stderr_has = strings_of(entry["stderr"]);
    scans.push_back(std::move(scan));
  }
  return scans;
}

const char* content_type_of(const fs::path& file) {
  const std::string ext = file.extension().string();
  if (ext == ".html" || ext == ".htm") return "text/html; charset=utf-8";
  if (ext == ".xml") return "application/xml";
  if (ext == ".js") return "application/javascript";
  if (ext == ".txt") return "text/plain";
  return "application/octet-stream";
}

// Serves the folder of the scan under way, with its status overrides; one origin for all scans,
// so they are scans of one site.
class CaseServer {
 public:
  CaseServer() {
    server_.http().set_pre_routing_handler(
        [this](const httplib::Request& request, httplib::Response& response) {
          std::lock_guard lock(mutex_);
          answer(request.path, response);
          return httplib::Server::HandlerResponse::Handled;
        });
    server_.start();
  }
  void serve(const fs::path& root, std::map<std::string, int> status) {
    std::lock_guard lock(mutex_);
    root_ = root;
    status_ = std::move(status);
  }
  std::string url(const std::string& path) const { return server_.url(path); }

 private:
  void answer(const std::string& path, httplib::Response& response) const {
    if (auto override = status_.find(path); override != status_.end()) {
      response.status = override->second;
      return;
    }
    fs::path file = root_ / fs::path(path).relative_path();
    if (path.find("..") != std::string::npos || path.empty() || path[0] != '/') {
      response.status = 400;
      return;
    }
    if (fs::is_directory(file)) file /= "index.html";
    if (!fs::is_regular_file(file)) {
      response.status = 404;
      return;
    }
    response.set_content(tagdrift::testing::read_file(file), content_type_of(file));
  }

  LoopbackServer server_;
  mutable std::mutex mutex_;
  fs::path root_;
  std::map<std::string, int> status_;
};

std::vector<std::string> command_for(const Scan& scan, const fs::path& case_dir,
                                     const CaseServer& server, const TempDir& work, int number) {
  std::vector<std::string> argv = {TAGDRIFT_BINARY, "scan"};
  argv.push_back(scan.directory ? (case_dir / scan.site).string() : server.url("/"));
  bool no_db = false;
  for (const std::string& arg : scan.args) no_db = no_db || arg == "--no-db";
  argv.insert(argv.end(), scan.args.begin(), scan.args.end());
  if (!no_db) argv.insert(argv.end(), {"--db", (work.path() / "history.db").string()});
  const std::string report =
      (work.path() / ("report-" + std::to_string(number) + ".json")).string();
  argv.insert(argv.end(), {"--quiet", "--format", "json", "--output", report});
  return argv;
}

void check_scan(const Scan& scan, const fs::path& case_dir, const CaseServer& server,
                const TempDir& work, int number) {
  const auto argv = command_for(scan, case_dir, server, work, number);
  ChildResult run = tagdrift::testing::run_child(argv, work.path(), {}, std::chrono::seconds(120));
  INFO("scan " << number << ": stderr: " << run.err);
  CHECK(run.exit_code == scan.exit_code);
  CHECK(run.out.empty());  // stdout carries the report only, and it went to --output
  for (const std::string& line : scan.stderr_has) {
    INFO("stderr should contain: " << line);
    CHECK(run.err.find(line) != std::string::npos);
  }
  if (scan.expect.empty()) return;
  const fs::path report = work.path() / ("report-" + std::to_string(number) + ".json");
  REQUIRE(fs::exists(report));
  const nlohmann::json expected =
      nlohmann::json::parse(tagdrift::testing::read_file(case_dir / scan.expect));
  const nlohmann::json actual = nlohmann::json::parse(tagdrift::testing::read_file(report));
  for (const std::string& problem : tagdrift::testing::json_subset_problems(expected, actual)) {
    FAIL_CHECK(scan.expect << problem);
  }
}

}  // namespace

TEST_CASE("scenario case: every scan's exit code, messages and report are as the case says") {
  const char* named = std::getenv("TAGDRIFT_CASE");
  REQUIRE(named != nullptr);
  const fs::path case_dir(named);
  INFO("case " << case_dir.filename().string());
  const std::vector<Scan> scans = load_scans(case_dir);
  REQUIRE_FALSE(scans.empty());
  TempDir work;
  CaseServer server;
  int number = 0;
  for (const Scan& scan : scans) {
    server.serve(case_dir / scan.site, scan.status);
    check_scan(scan, case_dir, server, work, ++number);
  }
}
