// The section of what the scan set aside or could not vouch for: tags commented out (a reinstall
// waiting to happen), the policy rules broken, the pages not scanned, the tags not verified.
#include <fmt/format.h>

#include "report/finding_label.h"
#include "report/html_parts.h"
#include "report/html_sections.h"
#include "report/scan_failure.h"

namespace tagdrift::report {
namespace {

constexpr std::size_t kOpenItems = 10;

void render_urls(const std::vector<std::string>& urls, const std::string& site, std::ostream& out) {
  const bool fold = urls.size() > kOpenItems;
  if (fold) out << "<details><summary>" << count_of(urls.size(), "page") << "</summary>";
  out << "<ul class=\"urls\">";
  for (const auto& url : urls) out << "<li>" << h(site_relative(url, site)) << "</li>";
  out << "</ul>";
  if (fold) out << "</details>";
}

void render_commented(const drift::Report& report, std::ostream& out) {
  out << "<h3>Commented-out tags</h3>\n";
  if (report.commented.empty()) {
    out << "<p>None.</p>\n";
    return;
  }
  out << "<p>Not active now, but one edit away from running again.</p>\n<table id=\"commented\">"
      << "<thead><tr><th scope=\"col\">Tag</th><th scope=\"col\">ID</th><th scope=\"col\">Pages"
      << "</th></tr></thead><tbody>\n";
  for (const auto& tag : report.commented) {
    out << "<tr><th scope=\"row\">" << h(tag.vendor) << "</th><td><code>"
        << h(tag.tag_id.empty() ? tag.key : tag.tag_id) << "</code></td><td>";
    render_urls(tag.pages, report.scan.site, out);
    out << "</td></tr>\n";
  }
  out << "</tbody></table>\n";
}

void render_policy(const drift::Report& report, std::ostream& out) {
  out << "<h3>Policy violations</h3>\n";
  std::size_t rows = 0;
  for (const auto& finding : report.findings) rows += finding.policy_breaches.size();
  for (const auto& finding : report.findings) {
    if (finding.policy_breaches.empty()) rows += finding.policy_violations.size();
  }
  if (rows == 0) {
    out << "<p>None" << (report.fail_on == drift::FailOn::kNever ? "" : " against the policy")
        << ".</p>\n";
    return;
  }
  out << "<table id=\"policy\"><thead><tr><th scope=\"col\">Tag</th><th scope=\"col\">Rule</th>"
      << "<th scope=\"col\">Why the rule</th><th scope=\"col\">Pages</th></tr></thead><tbody>\n";
  for (const auto& finding : report.findings) {
    const std::string tag =
        h(display_name(finding)) + " <code>" + h(display_id(finding)) + "</code>";
    for (const auto& breach : finding.policy_breaches) {
      out << "<tr><th scope=\"row\">" << tag << "</th><td>" << h(breach.rule) << "</td><td>"
          << h(breach.reason) << "</td><td>";
      render_urls(breach.pages, report.scan.site, out);
      out << "</td></tr>\n";
    }
    if (!finding.policy_breaches.empty()) continue;
    for (const auto& line : finding.policy_violations) {
      out << "<tr><th scope=\"row\">" << tag << "</th><td>" << h(line) << "</td><td></td><td>"
          << "</td></tr>\n";
    }
  }
  out << "</tbody></table>\n";
}

void render_not_scanned(const drift::Report& report, std::ostream& out) {
  out << "<h3>Pages not scanned</h3>\n";
  for (const auto& target : report.failed_targets) {
    out << "<p><strong>Target not scanned:</strong> <code>" << h(target.target)
        << "</code>: " << h(target.reason) << "</p>\n";
  }
  std::size_t count = 0;
  for (const auto& page : report.pages) count += page.error.empty() && page.skipped.empty() ? 0 : 1;
  if (count == 0) {
    out << "<p>Every page found was scanned.</p>\n";
    return;
  }
  const bool fold = count > kOpenItems * 5;
  if (fold) out << "<details><summary>" << count_of(count, "page") << "</summary>\n";
  out << "<table id=\"not-scanned\"><thead><tr><th scope=\"col\">Page</th><th scope=\"col\">"
      << "Outcome</th><th scope=\"col\">Why</th></tr></thead><tbody>\n";
  for (const auto& page : report.pages) {
    if (page.error.empty() && page.skipped.empty()) continue;
    const bool failed = !page.error.empty();
    out << "<tr><th scope=\"row\"><code>" << h(site_relative(*page.url, report.scan.site))
        << "</code></th><td>" << (failed ? "failed" : "skipped") << "</td><td>"
        << h(failed ? *page.error : *page.skipped) << "</td></tr>\n";
  }
  out << "</tbody></table>\n";
  if (fold) out << "</details>\n";
}

void render_unverified(const drift::Report& report, std::ostream& out) {
  if (report.unverified.empty()) return;
  out << "<h3>Tags not verified</h3>\n<p>Seen by the last scan where this one could not look; "
         "carried forward, neither new nor removed.</p>\n<table id=\"unverified\"><thead><tr>"
         "<th scope=\"col\">Tag</th><th scope=\"col\">ID</th><th scope=\"col\">Last seen on</th>"
         "</tr></thead><tbody>\n";
  for (const auto& tag : report.unverified) {
    out << "<tr><th scope=\"row\">" << h(tag.vendor) << "</th><td><code>"
        << h(tag.tag_id.empty() ? tag.key : tag.tag_id) << "</code></td><td>";
    render_urls(tag.pages, report.scan.site, out);
    out << "</td></tr>\n";
  }
  out << "</tbody></table>\n";
}

}  // namespace

void render_html_set_aside(const drift::Report& report, std::ostream& out) {
  out << "<section id=\"set-aside\" aria-labelledby=\"set-aside-h\">\n<h2 id=\"set-aside-h\">"
      << "Commented-out tags, policy violations, pages not scanned</h2>\n";
  render_commented(report, out);
  render_policy(report, out);
  render_not_scanned(report, out);
  render_unverified(report, out);
  out << "</section>\n";
}

}  // namespace tagdrift::report
