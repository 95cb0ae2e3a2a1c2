// A seed that redirects to another host of its site (clinic.test -> www.clinic.test): the real
// `tagdrift` names where it led and suggests --scope domain, which then scans it.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "tests/support/child_process.h"
#include "tests/support/loopback_server.h"
#include "tests/support/temp_dir.h"

using tagdrift::testing::ChildResult;
using tagdrift::testing::LoopbackServer;
using tagdrift::testing::TempDir;

namespace {

[[maybe_unused]] const bool kSpawnerStarted = (tagdrift::testing::start_spawner(), true);

ChildResult scan(const std::vector<std::string>& flags, const TempDir& dir) {
  std::vector<std::string> argv = {TAGDRIFT_BINARY, "scan", "--no-db", "--quiet"};
  argv.insert(argv.end(), flags.begin(), flags.end());
  return tagdrift::testing::run_child(argv, dir.path(), {}, std::chrono::seconds(60));
}

}  // namespace

TEST_CASE("redirect scope: a seed redirected to a sibling host names it and suggests --scope") {
  LoopbackServer server;
  server.http().Get("/", [&server](const httplib::Request& req, httplib::Response& res) {
    if (req.get_header_value("Host").rfind("www.", 0) == 0) {
      res.set_content("<h1>Clinic</h1>", "text/html");
    } else {
      res.set_redirect("http://www.clinic.test:" + std::to_string(server.port()) + "/", 301);
    }
  });
  server.http().Get("/elsewhere", [](const httplib::Request&, httplib::Response& res) {
    res.set_redirect("http://other-site.test/", 302);
  });
  server.start();
  const std::string port = std::to_string(server.port());
  const std::vector<std::string> resolve = {"--resolve", "clinic.test:" + port + ":127.0.0.1",
                                            "--resolve", "www.clinic.test:" + port + ":127.0.0.1"};
  TempDir dir;
  auto with = [&resolve](std::vector<std::string> flags) {
    flags.insert(flags.end(), resolve.begin(), resolve.end());
    return flags;
  };

  ChildResult host = scan(with({"http://clinic.test:" + port + "/"}), dir);
  INFO("stderr: " << host.err);
  CHECK(host.exit_code == 3);
  // The report on stdout shows the skipped seed with the same reason.
  CHECK(host.out.find("redirected out of scope to http://www.clinic.test:" + port + "/") !=
        std::string::npos);
  CHECK(host.err == "tagdrift: target could not be scanned: http://clinic.test:" + port +
                        "/: redirected out of scope to http://www.clinic.test:" + port +
                        "/ (try --scope domain)\n");

  ChildResult domain = scan(with({"http://clinic.test:" + port + "/", "--scope", "domain"}), dir);
  INFO("stderr: " << domain.err);
  CHECK(domain.exit_code == 0);
  CHECK(domain.err.empty());

  // Another site entirely: --scope domain would not help, so it is not suggested.
  ChildResult away = scan(with({"http://clinic.test:" + port + "/elsewhere"}), dir);
  CHECK(away.exit_code == 3);
  CHECK(away.err == "tagdrift: target could not be scanned: http://clinic.test:" + port +
                        "/elsewhere: redirected out of scope to http://other-site.test/\n");
}
