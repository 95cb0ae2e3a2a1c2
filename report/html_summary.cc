// The Summary section: what a reader needs before anything else.
#include <fmt/format.h>

#include <array>

#include "report/finding_label.h"
#include "report/html_parts.h"
#include "report/html_sections.h"
#include "report/scan_failure.h"

namespace tagdrift::report {
namespace {

using drift::Severity;
using drift::Status;

constexpr std::array<Severity, 5> kWorstFirst = {
    Severity::kCritical, Severity::kHigh, Severity::kMedium, Severity::kLow, Severity::kInfo};
constexpr std::array<Status, 4> kStatuses = {Status::kNew, Status::kChanged, Status::kKnown,
                                             Status::kApproved};

std::size_t with_severity(const drift::Report& report, Severity severity) {
  std::size_t count = 0;
  for (const auto& finding : report.findings) count += finding.severity == severity ? 1 : 0;
  return count;
}

std::size_t with_status(const drift::Report& report, Status status) {
  std::size_t count = 0;
  for (const auto& finding : report.findings) count += finding.status == status ? 1 : 0;
  return count;
}

// One sentence: what is wrong now and how urgent it is.
std::string verdict(const drift::Report& report) {
  if (scan_did_not_run(report)) return h(failure_headline(report)) + ".";
  const std::size_t urgent =
      with_severity(report, Severity::kCritical) + with_severity(report, Severity::kHigh);
  const std::size_t drift =
      with_status(report, Status::kNew) + with_status(report, Status::kChanged);
  if (urgent > 0) {
    const drift::Finding& worst = report.findings.front();  // sorted worst first
    return fmt::format("{} need{} action now. The worst, {} ({}): {}.", count_of(urgent, "tag"),
                       urgent == 1 ? "s" : "", h(display_name(worst)),
                       drift::severity_name(worst.severity), h(worst.reason));
  }
  if (drift > 0) {
    return fmt::format("No high-risk tags; {} new or changed since the last scan to review.",
                       count_of(drift, "tag"));
  }
  if (report.findings.empty()) return "No tracking tags found.";
  return "No high-risk tags and nothing new or changed since the last scan.";
}

std::string gate_line(const drift::Report& report) {
  if (report.fail_on == drift::FailOn::kNever) return "";
  return fmt::format("<p>CI gate (fail on {}): <strong>{}</strong></p>\n",
                     drift::fail_on_name(report.fail_on), report.failed ? "failed" : "passed");
}

void render_facts(const drift::Report& report, std::ostream& out) {
  const auto& scan = report.scan;
  const std::string worst = report.findings.empty()
                                ? std::string("none")
                                : severity_badge(report.findings.front().severity);
  out << "<dl class=\"facts\">\n"
      << "<dt>Site</dt><dd>" << h(scan.site) << "</dd>\n"
      << "<dt>Scanned</dt><dd>" << readable_time(scan.started_at)
      << (scan.finished_at.empty() ? "" : " to " + readable_time(scan.finished_at))
      << (scan.complete ? "" : " (incomplete)") << "</dd>\n"
      << fmt::format("<dt>Pages</dt><dd>{} scanned, {} failed, {} skipped</dd>\n",
                     scan.pages_crawled, scan.pages_failed, scan.pages_skipped)
      << "<dt>Worst severity</dt><dd>" << worst << "</dd>\n"
      << "<dt>Compared with</dt><dd>"
      << (report.previous_scan_id ? fmt::format("scan {}", *report.previous_scan_id)
                                  : std::string("nothing: the first scan of this site"))
      << "</dd>\n</dl>\n";
}

void render_counts(const drift::Report& report, std::ostream& out) {
  out << "<table class=\"counts\"><caption>Tags by severity</caption>\n<thead><tr>";
  for (Severity severity : kWorstFirst)
    out << "<th scope=\"col\">" << severity_badge(severity) << "</th>";
  out << "</tr></thead>\n<tbody><tr>";
  for (Severity severity : kWorstFirst) {
    out << "<td class=\"num\">" << with_severity(report, severity) << "</td>";
  }
  out << "</tr></tbody></table>\n";
  out << "<table class=\"counts\"><caption>Tags by status</caption>\n<thead><tr>";
  for (Status status : kStatuses)
    out << "<th scope=\"col\">" << drift::status_name(status) << "</th>";
  out << "<th scope=\"col\">removed</th></tr></thead>\n<tbody><tr>";
  for (Status status : kStatuses)
    out << "<td class=\"num\">" << with_status(report, status) << "</td>";
  out << "<td class=\"num\">" << report.removed.size() << "</td></tr></tbody></table>\n";
}

}  // namespace

void render_html_summary(const drift::Report& report, std::ostream& out) {
  out << "<section id=\"summary\" aria-labelledby=\"summary-h\">\n"
      << "<h2 id=\"summary-h\">Summary</h2>\n"
      << "<p class=\"verdict\">" << verdict(report) << "</p>\n"
      << gate_line(report);
  render_facts(report, out);
  render_counts(report, out);
  out << "</section>\n";
}

}  // namespace tagdrift::report
