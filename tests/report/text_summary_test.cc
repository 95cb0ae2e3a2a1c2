#include "report/text_summary.h"

#include <catch2/catch.hpp>
#include <sstream>

#include "tests/report/report_fixtures.h"

using namespace tagdrift;

namespace {

std::string summary(const drift::Report& report) {
  std::ostringstream out;
  report::render_text_summary(report, report::Paint(false), out);
  return out.str();
}

// A session-replay tag on every page, where only the appointment form (third by URL) has health
// context and collects personal data: that page decides the severity and its reason.
drift::Report replay_everywhere() {
  drift::Report report = testing::sample_report();
  drift::Finding hotjar =
      testing::make_finding("hotjar:2847193", drift::Status::kNew, drift::Severity::kCritical);
  hotjar.category = "session-replay";
  hotjar.pages = {testing::make_finding_page("/"), testing::make_finding_page("/about/"),
                  testing::make_finding_page("/appointments/"),
                  testing::make_finding_page("/blog/")};
  hotjar.pages[2].health_context = true;
  hotjar.pages[2].collects_pii = testing::Names{"date-of-birth"};
  report.findings = {hotjar};
  return report;
}

}  // namespace

TEST_CASE("text_summary: the worst finding is placed on the page that decided its severity") {
  std::string out = summary(replay_everywhere());
  INFO(out);
  CHECK(out.find("worst: critical \u2014 hotjar Tag 2847193 on /appointments/ (+3 more pages)\n") !=
        std::string::npos);
}

TEST_CASE("text_summary: with one page, that page is named without a count") {
  drift::Report report = replay_everywhere();
  report.findings[0].pages = {testing::make_finding_page("/blog/")};
  CHECK(summary(report).find("Tag 2847193 on /blog/\n") != std::string::npos);
}

TEST_CASE("text_summary: query variants of the deciding page are not more pages") {
  drift::Report report = replay_everywhere();
  auto& pages = report.findings[0].pages;
  pages = {pages[2], testing::make_finding_page("/appointments/?service=ivf")};
  CHECK(summary(report).find("Tag 2847193 on /appointments/\n") != std::string::npos);
}
