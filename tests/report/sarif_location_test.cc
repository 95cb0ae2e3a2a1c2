#include "report/sarif_location.h"

#include <catch2/catch.hpp>

#include "tests/report/report_fixtures.h"

using namespace tagdrift;
using nlohmann::json;

namespace {

json location_of(const std::string& file, const std::filesystem::path& working_dir) {
  drift::Report report;
  storage::PageRecord page;
  page.url = "https://www.clinic.test/a/";
  page.file = file;
  report.pages.push_back(drift::report_page(page));
  drift::FindingPage finding_page = testing::make_finding_page("/a/", 7);
  return report::PageFiles(report, working_dir).location(finding_page)["physicalLocation"];
}

}  // namespace

TEST_CASE("sarif_location: file paths become URI references") {
  CHECK(report::file_uri("public/a b/index.html") == "public/a%20b/index.html");
  CHECK(report::file_uri("public/caf\xc3\xa9#1.html") == "public/caf%C3%A9%231.html");
  CHECK(report::file_uri("site-1/_x.~y/z.php") == "site-1/_x.~y/z.php");
}

TEST_CASE("sarif_location: a relative file stays relative to the source root") {
  json physical = location_of("public/./a/index.html", "/src/repo");
  CHECK(physical["artifactLocation"] ==
        json({{"uri", "public/a/index.html"}, {"uriBaseId", "%SRCROOT%"}}));
  CHECK(physical["region"]["startLine"] == 7);
}

TEST_CASE("sarif_location: an absolute file under the working directory is made relative") {
  CHECK(location_of("/src/repo/public/a/index.html", "/src/repo")["artifactLocation"] ==
        json({{"uri", "public/a/index.html"}, {"uriBaseId", "%SRCROOT%"}}));
}

TEST_CASE("sarif_location: an absolute file elsewhere is a file URI without a base") {
  CHECK(location_of("/srv/site/a/index.html", "/src/repo")["artifactLocation"] ==
        json({{"uri", "file:///srv/site/a/index.html"}}));
}
