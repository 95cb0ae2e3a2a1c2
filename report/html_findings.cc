// The Findings section: one sortable, filterable table; each tag's details in a row beneath it.
#include <fmt/format.h>

#include <unordered_map>

#include "drift/page_groups.h"
#include "report/finding_label.h"
#include "report/html_parts.h"
#include "report/html_sections.h"

namespace tagdrift::report {
namespace {

using drift::Finding;
using drift::FindingPage;

constexpr int kColumns = 9;

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& name : names) out += (out.empty() ? "" : ", ") + h(name);
  return out.empty() ? std::string("none") : out;
}

std::string joined(const drift::SharedNames& names) {
  std::string out;
  for (const auto& name : *names) out += (out.empty() ? "" : ", ") + h(name);
  return out;
}

void render_filters(std::ostream& out) {
  out << "<div id=\"filters\" hidden>\n<label for=\"filter-severity\">Severity"
      << "<select id=\"filter-severity\"><option value=\"\">all</option>";
  for (const char* name : {"critical", "high", "medium", "low", "info"}) {
    out << "<option>" << name << "</option>";
  }
  out << "</select></label>\n<label for=\"filter-status\">Status"
      << "<select id=\"filter-status\"><option value=\"\">all</option>";
  for (const char* name : {"new", "changed", "known", "approved"}) {
    out << "<option>" << name << "</option>";
  }
  out << "</select></label>\n<label for=\"filter-text\">Search"
      << "<input id=\"filter-text\" type=\"search\"></label>\n"
      << "<p id=\"filter-count\" aria-live=\"polite\"></p>\n</div>\n";
}

// Pages that show a tag the same way (place, line, evidence, script) share one row.
struct PageRow {
  const FindingPage* first = nullptr;
  std::vector<const FindingPage*> pages;
};

std::vector<PageRow> page_rows(const Finding& finding) {
  std::vector<PageRow> rows;
  std::unordered_map<std::string, std::size_t> index;
  for (const FindingPage& page : finding.pages) {
    std::string key = fmt::format("{}\x1f{}\x1f{}\x1f{}", fmt::join(*page.where, ","), page.line,
                                  *page.evidence, *page.via);
    auto [at, added] = index.try_emplace(std::move(key), rows.size());
    if (added) rows.push_back({&page, {}});
    rows[at->second].pages.push_back(&page);
  }
  return rows;
}

std::string url_list(const std::vector<const FindingPage*>& pages, const std::string& site) {
  std::vector<std::string> paths;
  paths.reserve(pages.size());
  for (const FindingPage* page : pages) paths.push_back(site_relative(*page->url, site));
  return page_list(paths);
}

void render_pages(const Finding& finding, const std::string& site, std::ostream& out) {
  if (finding.pages.empty()) return;
  out << "<details><summary>" << count_of(drift::distinct_pages(finding.pages), "page")
      << ": place, line and evidence</summary>\n<table><thead><tr><th scope=\"col\">Place</th>"
      << "<th scope=\"col\" class=\"num\">Line</th><th scope=\"col\">Evidence</th>"
      << "<th scope=\"col\">Pages</th></tr></thead><tbody>\n";
  for (const PageRow& row : page_rows(finding)) {
    const FindingPage& page = *row.first;
    out << "<tr><td>" << joined(page.where)
        << (page.via->empty() ? "" : "<br>via <code>" + h(*page.via) + "</code>") << "</td>"
        << "<td class=\"num\">" << page.line << "</td><td><pre>" << h(*page.evidence)
        << "</pre></td><td>" << url_list(row.pages, site) << "</td></tr>\n";
  }
  out << "</tbody></table></details>\n";
}

void render_list(const char* label, const std::vector<std::string>& lines, std::ostream& out) {
  if (lines.empty()) return;
  out << "<p><strong>" << label << ":</strong></p><ul>";
  for (const auto& line : lines) out << "<li>" << h(line) << "</li>";
  out << "</ul>\n";
}

void render_detail(const Finding& finding, const std::string& site, std::ostream& out) {
  out << "<tr class=\"detail\"><td colspan=\"" << kColumns << "\">\n"
      << "<p><strong>Why:</strong> " << h(finding.reason) << "</p>\n";
  render_list("Changed since the last scan", finding.changes, out);
  render_list("Policy", finding.policy_violations, out);
  out << "<p><strong>What to do:</strong> " << h(finding.remediation) << "</p>\n";
  render_pages(finding, site, out);
  out << "</td></tr>\n";
}

void render_finding(const Finding& finding, const std::string& site, std::ostream& out) {
  const char* severity = drift::severity_name(finding.severity);
  const char* status = drift::status_name(finding.status);
  out << fmt::format("<tbody class=\"finding\" data-severity=\"{}\" data-status=\"{}\">\n",
                     severity, status)
      << fmt::format("<tr><td data-sort=\"{}\">{}</td><td>{}</td>",
                     static_cast<int>(finding.severity), severity_badge(finding.severity),
                     status_badge(status))
      << "<th scope=\"row\">" << h(display_name(finding)) << "<br><span class=\"muted\">"
      << h(finding.vendor) << "</span></th><td><code>" << h(display_id(finding)) << "</code></td>"
      << "<td>" << h(finding.category) << "</td><td class=\"num\">"
      << drift::distinct_pages(finding.pages) << "</td><td>"
      << (finding.consent_gated ? "yes" : "no") << "</td><td>" << joined(finding.events)
      << "</td><td>" << joined(finding.enhanced_match) << "</td></tr>\n";
  render_detail(finding, site, out);
  out << "</tbody>\n";
}

void render_removed(const drift::Report& report, std::ostream& out) {
  if (report.removed.empty()) return;
  out << "<h3>Removed since the last scan</h3>\n<ul>";
  for (const auto& tag : report.removed) {
    out << "<li>" << h(tag.vendor) << " <code>" << h(tag.tag_id.empty() ? tag.key : tag.tag_id)
        << "</code></li>";
  }
  out << "</ul>\n";
}

}  // namespace

void render_html_findings(const drift::Report& report, std::ostream& out) {
  out << "<section id=\"findings-section\" aria-labelledby=\"findings-h\">\n"
      << "<h2 id=\"findings-h\">Findings</h2>\n";
  if (report.findings.empty()) {
    out << "<p>No tracking tags were found on the pages scanned.</p>\n";
  } else {
    render_filters(out);
    out << "<table id=\"findings\"><caption>" << count_of(report.findings.size(), "tag")
        << ", worst first. Beneath each: why, what to do, and its pages.</caption>\n<thead><tr>"
        << "<th scope=\"col\">Severity</th><th scope=\"col\">Status</th><th scope=\"col\">Tag</th>"
        << "<th scope=\"col\">ID</th><th scope=\"col\">Category</th>"
        << "<th scope=\"col\" class=\"num\">Pages</th><th scope=\"col\">Consent-gated</th>"
        << "<th scope=\"col\">Events</th><th scope=\"col\">Enhanced match</th></tr></thead>\n";
    for (const Finding& finding : report.findings) render_finding(finding, report.scan.site, out);
    out << "</table>\n";
  }
  render_removed(report, out);
  out << "</section>\n";
}

}  // namespace tagdrift::report
