#include "report/junit_report.h"

#include <fmt/format.h>

#include "drift/fail_on.h"
#include "drift/name_list.h"
#include "drift/page_groups.h"
#include "report/container_label.h"
#include "report/finding_label.h"
#include "report/scan_failure.h"
#include "report/unread_report.h"
#include "report/xml_escape.h"

namespace tagdrift::report {
namespace {

using drift::Finding;

std::string escaped(std::string_view text) { return xml_escape(text); }

// "critical Pinterest Tag 2612… (new): <reason>": what it is, why it fails the gate, why it is bad.
std::string failure_message(const Finding& finding, const std::string& why) {
  std::string message = fmt::format("{} {} {} ({})", drift::severity_name(finding.severity),
                                    display_name(finding), display_id(finding), why);
  if (!finding.reason.empty()) message += ": " + finding.reason;
  return message;
}

// The failure's body: everything a reader of the CI log needs to act on the finding.
std::string failure_detail(const Finding& finding) {
  std::string text =
      fmt::format("key: {}\nvendor: {}\ncategory: {}\nconsent-gated: {}\n", finding.key,
                  finding.vendor, finding.category, finding.consent_gated ? "yes" : "no");
  for (const storage::ContainerOriginRecord* origin : finding_containers(finding)) {
    text += "container: " + container_text(*origin) + "\n";
  }
  for (const auto& rule : finding.policy_violations) text += "policy: " + rule + "\n";
  for (const auto& change : finding.changes) text += "changed: " + change + "\n";
  if (!finding.remediation.empty()) text += "fix: " + finding.remediation + "\n";
  // Query variants of a path are one page, named with it.
  for (const drift::PageGroup& group : drift::page_groups(finding.pages)) {
    std::vector<std::string> variants;
    for (const drift::FindingPage* page : group.variants) {
      if (*page->url != group.url) variants.push_back(*page->url);
    }
    text += "page: " + group.url;
    if (!variants.empty()) text += " (query variants: " + drift::joined(variants) + ")";
    text += "\n";
  }
  return text;
}

void render_case(const Finding& finding, drift::FailOn fail_on, std::ostream& out) {
  out << fmt::format("  <testcase classname=\"tagdrift.{}\" name=\"{}\"", escaped(finding.vendor),
                     escaped(finding.key));
  std::string why = drift::failing_because(finding, fail_on);
  if (why.empty()) {
    out << "/>\n";
    return;
  }
  out << fmt::format(">\n    <failure message=\"{}\" type=\"{}\">{}</failure>\n  </testcase>\n",
                     escaped(failure_message(finding, why)), drift::severity_name(finding.severity),
                     escaped(failure_detail(finding)));
}

}  // namespace

void render_junit(const drift::Report& report, std::ostream& out) {
  std::size_t failures = 0;
  for (const auto& finding : report.findings) {
    failures += drift::failing_because(finding, report.fail_on).empty() ? 0 : 1;
  }
  const JunitFailureCounts failed = junit_failure_counts(report);
  const JunitUnreadCounts unread = junit_unread_counts(report);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << fmt::format(
      "<testsuite name=\"tagdrift\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\">\n",
      report.findings.size() + failed.tests + unread.tests, failures + unread.failures,
      failed.errors, failed.skipped + unread.skipped);
  out << fmt::format(
      "  <properties>\n    <property name=\"site\" value=\"{}\"/>\n"
      "    <property name=\"scan_id\" value=\"{}\"/>\n"
      "    <property name=\"started_at\" value=\"{}\"/>\n"
      "    <property name=\"fail_on\" value=\"{}\"/>\n  </properties>\n",
      escaped(report.scan.site), report.scan.id, escaped(report.scan.started_at),
      drift::gate_name(report));
  for (const auto& finding : report.findings) render_case(finding, report.fail_on, out);
  render_failure_junit(report, out);
  render_unread_junit(report, out);
  out << "</testsuite>\n";
}

}  // namespace tagdrift::report
