// The real `tagdrift` on signature files with network patterns and consent accept controls:
// `signatures check` runs network examples and checks [[accept]] tables, one line per failure
// naming file and line (exit 2); a scan refuses such a file before it crawls; `signatures list`
// shows the network place.
#include <algorithm>
#include <catch2/catch.hpp>
#include <string>

#include "tests/cli/cli_run.h"
#include "tests/support/temp_dir.h"

using tagdrift::testing::ChildResult;
using tagdrift::testing::tagdrift_run;
using tagdrift::testing::TempDir;

namespace {

const std::string kSite = std::string(TAGDRIFT_FIXTURES_DIR) + "/sites/clinic";

// A vendor whose network example expects another ID, and a consent manager with a broken selector.
void write_faulty_signatures(TempDir& dir) {
  dir.write("sigs/acme.toml", R"toml(vendor = "acme"
category = "advertising"
[[signature]]
id = "acme-pixel"
product = "Acme Pixel"
id_format = '^\d+$'
  [[signature.network]]
  hosts = ["px.acme.test"]
  path = '^/p$'
  id_params = ["aid"]
  event_params = ["ev"]
  [[signature.example]]
  place = "network"
  text = "https://px.acme.test/p"
  method = "POST"
  body = "aid=42&ev=Lead"
  id = "43"
)toml");
  dir.write("sigs/acme-cmp.toml", R"toml(vendor = "acme-cmp"
category = "consent"
[[accept]]
selectors = ["#acme-accept", "button[data-acme"]
)toml");
}

}  // namespace

TEST_CASE("signatures network: check reports a network example and an accept control by line") {
  TempDir dir;
  write_faulty_signatures(dir);
  ChildResult run = tagdrift_run(
      {"signatures", "check", "--signatures", (dir.path() / "sigs").string()}, dir.path());
  INFO("stdout: " << run.out << "stderr: " << run.err);
  CHECK(run.exit_code == 2);
  CHECK(run.out.find("acme.toml:12: signature 'acme-pixel': example (network): expected ID '43', "
                     "found '42'\n") != std::string::npos);
  CHECK(run.out.find("acme-cmp.toml:3: accept 'acme-cmp': selector 'button[data-acme': "
                     "unclosed '['\n") != std::string::npos);
}

TEST_CASE("signatures network: a scan refuses a broken accept control before it crawls") {
  TempDir dir;
  write_faulty_signatures(dir);
  ChildResult run =
      tagdrift_run({"scan", kSite, "--signatures", (dir.path() / "sigs").string()}, dir.path());
  INFO("stderr: " << run.err);
  CHECK(run.exit_code == 2);
  CHECK(run.out.empty());
  CHECK(run.err.starts_with("tagdrift: "));
  CHECK(run.err.find("acme-cmp.toml:3: accept 'acme-cmp': selector 'button[data-acme'") !=
        std::string::npos);
  CHECK(std::count(run.err.begin(), run.err.end(), '\n') == 1);
}

TEST_CASE("signatures network: list shows network among a beacon vendor's places") {
  TempDir dir;
  ChildResult list = tagdrift_run({"signatures", "list"}, dir.path());
  REQUIRE(list.exit_code == 0);
  const std::size_t row = list.out.find("\nmeta-pixel ");
  REQUIRE(row != std::string::npos);
  const std::string line = list.out.substr(row + 1, list.out.find('\n', row + 1) - row - 1);
  CHECK(line.find("network") != std::string::npos);
}
