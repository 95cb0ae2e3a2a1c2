// The fleet summary for CI: one test case per site, failing when the site fails its gate, an
// error when it could not be scanned, skipped when it was not.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "fleet/fleet_summary.h"
#include "report/xml_escape.h"

namespace tagdrift::fleet {
namespace {

std::string escaped(std::string_view text) { return report::xml_escape(text); }

void render_case(const SiteOutcome& site, std::ostream& out) {
  const std::string classname = site.group.empty() ? "fleet" : "fleet." + site.group;
  out << fmt::format("  <testcase classname=\"tagdrift.{}\" name=\"{}\" time=\"{:.3f}\">\n",
                     escaped(classname), escaped(site.name), site.seconds);
  out << fmt::format("    <properties><property name=\"site\" value=\"{}\"/></properties>\n",
                     escaped(site.site));
  if (!site.skipped.empty()) {
    out << fmt::format("    <skipped message=\"{}\"/>\n", escaped(site.skipped));
  } else if (!site.errors.empty()) {
    out << fmt::format("    <error message=\"{}\" type=\"target-failed\">{}</error>\n",
                       escaped(site.errors.front()),
                       escaped(fmt::format("{}", fmt::join(site.errors, "\n"))));
  } else if (!site.failing.empty()) {
    out << fmt::format(
        "    <failure message=\"--fail-on {} met by {} finding{}\" type=\"{}\">{}</failure>\n",
        drift::fail_on_name(site.fail_on), site.failing.size(), site.failing.size() == 1 ? "" : "s",
        site.worst ? drift::severity_name(*site.worst) : "info",
        escaped(fmt::format("{}", fmt::join(site.failing, "\n"))));
  }
  out << "  </testcase>\n";
}

}  // namespace

void render_summary_junit(const std::vector<SiteOutcome>& sites, std::ostream& out) {
  const FleetTotals totals = totals_of(sites);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << fmt::format(
      "<testsuite name=\"tagdrift fleet\" tests=\"{}\" failures=\"{}\" errors=\"{}\" "
      "skipped=\"{}\">\n",
      totals.sites, totals.failing_gate, totals.failed, totals.skipped);
  for (const SiteOutcome& site : sites) render_case(site, out);
  out << "</testsuite>\n";
}

}  // namespace tagdrift::fleet
