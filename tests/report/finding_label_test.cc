#include "report/finding_label.h"

#include <catch2/catch.hpp>

#include "tests/report/report_fixtures.h"

using namespace tagdrift;
using report::display_id;
using report::display_name;
using report::site_relative;

TEST_CASE("finding_label: the product names a finding, else the vendor") {
  auto finding = testing::pinterest_finding();
  CHECK(display_name(finding) == "Pinterest Tag");
  finding.product.clear();
  CHECK(display_name(finding) == "Pinterest");
}

TEST_CASE("finding_label: an unknown third party is named by its host") {
  drift::Finding finding;
  finding.key = "unknown:cdn.example.net";
  CHECK(display_id(finding) == "cdn.example.net");
  finding.key = "pinterest:";
  CHECK(display_id(finding) == "(no ID visible)");
  finding.tag_id = "2612";
  CHECK(display_id(finding) == "2612");
}

TEST_CASE("finding_label: URLs on the site are shortened to their path") {
  CHECK(site_relative("https://www.clinic.test/services/", testing::kSite) == "/services/");
  CHECK(site_relative("https://www.clinic.test", testing::kSite) == "/");
  CHECK(site_relative("https://www.clinic.test?q=1", testing::kSite) == "?q=1");
  CHECK(site_relative("https://www.clinic.test.evil/x", testing::kSite) ==
        "https://www.clinic.test.evil/x");
  CHECK(site_relative("https://other.test/x", testing::kSite) == "https://other.test/x");
  CHECK(site_relative("https://other.test/x", "") == "https://other.test/x");
}
