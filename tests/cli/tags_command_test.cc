// `tagdrift tags` as a user reads it after scanning two sites into one database: a tag found only
// inside comments is marked commented, not listed like a live one, and every row names its site.
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/child_process.h"
#include "tests/support/temp_dir.h"

namespace fs = std::filesystem;
using tagdrift::testing::ChildResult;
using tagdrift::testing::TempDir;

namespace {

[[maybe_unused]] const bool kSpawnerStarted = (tagdrift::testing::start_spawner(), true);

const std::string kClinicSite = std::string(TAGDRIFT_SOURCE_DIR) + "/examples/clinic-site";
const std::string kClinic = "https://www.example-clinic.test";
const std::string kDental = "https://www.dental.test";

ChildResult tagdrift_run(const std::vector<std::string>& args, const TempDir& dir) {
  std::vector<std::string> argv = {TAGDRIFT_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  return tagdrift::testing::run_child(argv, dir.path(), {}, std::chrono::seconds(60));
}

// The `tags` text line whose first column is `key` on `site`, split on runs of two spaces.
std::vector<std::string> row_of(const std::string& text, const std::string& key,
                                const std::string& site) {
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind(key + " ", 0) != 0 || line.find("  " + site) == std::string::npos) continue;
    std::vector<std::string> cells;
    std::size_t start = 0;
    while (start < line.size()) {
      std::size_t gap = line.find("  ", start);
      std::string cell = line.substr(start, gap == std::string::npos ? gap : gap - start);
      if (!cell.empty()) cells.push_back(cell.substr(cell.find_first_not_of(' ')));
      if (gap == std::string::npos) break;
      start = line.find_first_not_of(' ', gap);
    }
    return cells;
  }
  return {};
}

// A database holding a scan of the example clinic (a LinkedIn tag commented out on its careers
// page) and of a one-page dental site with a live Meta pixel.
fs::path two_site_database(const TempDir& dir) {
  const fs::path db = dir.path() / "history.db";
  const fs::path dental = dir.write(
      "dental/index.html",
      "<h1>Dental</h1><script>fbq('init', '4836152907314682'); fbq('track', 'PageView');</script>");
  for (const auto& [target, base] : {std::pair{kClinicSite, kClinic + "/"},
                                     std::pair{dental.parent_path().string(), kDental + "/"}}) {
    ChildResult scan = tagdrift_run({"scan", target, "--base-url", base, "--db", db.string(),
                                     "--quiet", "--output", (dir.path() / "report.txt").string()},
                                    dir);
    INFO(scan.err);
    REQUIRE(scan.exit_code == 0);
  }
  return db;
}

}  // namespace

TEST_CASE("tags command: a commented-out tag is marked commented, and each row names its site") {
  TempDir dir;
  const fs::path db = two_site_database(dir);
  ChildResult text = tagdrift_run({"tags", "--db", db.string()}, dir);
  INFO("stdout:\n" << text.out << "stderr: " << text.err);
  CHECK(text.exit_code == 0);
  CHECK(text.err.empty());
  CHECK(text.out.rfind("KEY ", 0) == 0);
  CHECK(text.out.find("  STATE  ") != std::string::npos);
  CHECK(text.out.find("  SITE ") != std::string::npos);

  const auto linkedin = row_of(text.out, "linkedin:4412345", kClinic);
  REQUIRE(linkedin.size() == 8);
  CHECK(linkedin[2] == "commented");
  CHECK(linkedin[5] == "1");  // commented out on one page
  CHECK(linkedin[6] == kClinic);
  const auto meta = row_of(text.out, "meta:4836152907314682", kClinic);
  REQUIRE(meta.size() == 8);
  CHECK(meta[2] == "live");
  CHECK(meta[6] == kClinic);
  const auto dental = row_of(text.out, "meta:4836152907314682", kDental);
  REQUIRE(dental.size() == 8);
  CHECK(dental[2] == "live");
  CHECK(dental[5] == "1");
  CHECK(dental[6] == kDental);

  ChildResult json = tagdrift_run({"tags", "--db", db.string(), "--format", "json"}, dir);
  REQUIRE(json.exit_code == 0);
  bool saw_linkedin = false;
  for (const auto& tag : nlohmann::json::parse(json.out)) {
    INFO(tag.dump());
    if (tag["key"] == "linkedin:4412345") {
      saw_linkedin = true;
      CHECK(tag["state"] == "commented");
      CHECK(tag["pages_last_scan"] == 0);
      CHECK(tag["pages_commented_last_scan"] == 1);
    } else {
      CHECK(tag["state"] == "live");
      CHECK(tag["pages_last_scan"] > 0);
    }
  }
  CHECK(saw_linkedin);

  // --site narrows the listing to one site's tags.
  ChildResult one = tagdrift_run({"tags", "--db", db.string(), "--site", kDental}, dir);
  CHECK(one.exit_code == 0);
  CHECK(one.out.find(kClinic) == std::string::npos);
  CHECK(row_of(one.out, "meta:4836152907314682", kDental).size() == 8);
}
