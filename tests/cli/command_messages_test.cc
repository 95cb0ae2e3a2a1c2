// The real `tagdrift` program on mistyped commands and flags the docs promise: a typo names itself
// and the command meant, `signatures check --signatures DIR` and `signatures list` work as
// docs/signatures.md writes them, and a --notify address that is no http(s) URL is refused
// before anything is crawled or written.
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "tests/cli/cli_run.h"
#include "tests/support/temp_dir.h"

namespace fs = std::filesystem;
using tagdrift::testing::check_refused;
using tagdrift::testing::ChildResult;
using tagdrift::testing::tagdrift_run;
using tagdrift::testing::TempDir;

namespace {

const std::string kSite = std::string(TAGDRIFT_FIXTURES_DIR) + "/sites/clinic";
const std::string kSignatures = std::string(TAGDRIFT_SOURCE_DIR) + "/signatures";

}  // namespace

TEST_CASE("command messages: a mistyped command names itself and the nearest command") {
  TempDir dir;
  check_refused(tagdrift_run({"scna", kSite}, dir.path()), 2,
                "unknown command 'scna'; did you mean 'scan'?");
  check_refused(tagdrift_run({"hisotry"}, dir.path()), 2,
                "unknown command 'hisotry'; did you mean 'history'?");
  check_refused(tagdrift_run({"signatures", "lsit"}, dir.path()), 2,
                "unknown command 'signatures lsit'; did you mean 'signatures list'?");
  check_refused(tagdrift_run({"frobnicate"}, dir.path()), 2,
                "unknown command 'frobnicate' (see --help)");
  CHECK_FALSE(fs::exists(dir.path() / "tagdrift.db"));
}

TEST_CASE("command messages: signatures check takes the directory as --signatures or DIR") {
  TempDir dir;
  ChildResult flag = tagdrift_run({"signatures", "check", "--signatures", kSignatures}, dir.path());
  INFO("stderr: " << flag.err);
  CHECK(flag.exit_code == 0);
  CHECK(flag.err == "signatures ok\n");
  ChildResult positional = tagdrift_run({"signatures", "check", kSignatures}, dir.path());
  CHECK(positional.exit_code == 0);

  // The flag really reads the directory: a broken file in it fails the check.
  dir.write("sigs/broken.toml",
            "vendor = \"broken\"\ncategory = \"advertising\"\n"
            "[[signature]]\nid = \"broken\"\nproduct = \"Broken\"\n"
            "  [[signature.pattern]]\n  places = [\"inline\"]\n"
            "  regex = 'broken('\n");
  ChildResult broken = tagdrift_run(
      {"signatures", "check", "--signatures", (dir.path() / "sigs").string()}, dir.path());
  INFO("stdout: " << broken.out << "stderr: " << broken.err);
  CHECK(broken.exit_code == 2);
  CHECK(broken.out.find("broken.toml") != std::string::npos);
}

TEST_CASE("command messages: signatures list shows id, vendor, product, category and places") {
  TempDir dir;
  ChildResult list = tagdrift_run({"signatures", "list"}, dir.path());
  REQUIRE(list.exit_code == 0);
  CHECK(list.out.starts_with("ID "));
  const std::string header = list.out.substr(0, list.out.find('\n'));
  for (const char* column : {"VENDOR", "PRODUCT", "CATEGORY", "PLACES"}) {
    CHECK(header.find(column) != std::string::npos);
  }
  CHECK(header.find("VENDOR") < header.find("PRODUCT"));
  CHECK(header.find("PRODUCT") < header.find("CATEGORY"));
  CHECK(list.out.find("\npinterest-tag ") != std::string::npos);
  const std::size_t row = list.out.find("\npinterest-tag ");
  const std::string line = list.out.substr(row + 1, list.out.find('\n', row + 1) - row - 1);
  CHECK(line.find("Pinterest Tag") != std::string::npos);
  // Columns line up: the product starts where the header's PRODUCT does.
  CHECK(line.find("Pinterest Tag") == header.find("PRODUCT"));
}

TEST_CASE("command messages: --notify that is no http(s) URL with a host is refused up front") {
  TempDir dir;
  const fs::path db = dir.path() / "history.db";
  const fs::path report = dir.path() / "report.json";
  for (const char* url : {"not-a-url", "ftp://hooks.example.org/x", "http://", "https:///hook",
                          "mailto:ops@example.org"}) {
    CAPTURE(url);
    ChildResult run = tagdrift_run(
        {"scan", kSite, "--base-url", "https://www.example-clinic.test/", "--db", db.string(),
         "--quiet", "--notify", url, "--format", "json", "--output", report.string()},
        dir.path());
    check_refused(run, 2,
                  std::string("--notify needs an http:// or https:// URL with a host: ") + url);
    CHECK_FALSE(fs::exists(db));  // nothing crawled, nothing written
    CHECK_FALSE(fs::exists(report));
  }
}
