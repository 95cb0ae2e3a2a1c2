#include "fleet/report_files.h"

#include <catch2/catch.hpp>

using tagdrift::fleet::report_paths;
using tagdrift::fleet::safe_file_stem;

TEST_CASE("report files: a site's name becomes a file name that stays in the folder") {
  CHECK(safe_file_stem("Main Site") == "main-site");
  CHECK(safe_file_stem("../../etc/passwd") == "etc-passwd");
  CHECK(safe_file_stem(".hidden") == "hidden");
  CHECK(safe_file_stem("clinic.example_2") == "clinic.example_2");
  CHECK(safe_file_stem("Zürich / Klinik") == "z-rich-klinik");
  CHECK(safe_file_stem("///") == "site");
  CHECK(safe_file_stem(std::string(300, 'a')).size() == 100);
}

TEST_CASE("report files: two names that meet get a number, in file order") {
  auto paths = report_paths({"A b", "a-b", "a b", "c"}, "out", tagdrift::report::Format::kJson);
  REQUIRE(paths.size() == 4);
  CHECK(paths[0] == "out/a-b.json");
  CHECK(paths[1] == "out/a-b-2.json");
  CHECK(paths[2] == "out/a-b-3.json");
  CHECK(paths[3] == "out/c.json");
}
