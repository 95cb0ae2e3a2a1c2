// The Pages section: the pages where a tag can expose a patient, with the tags on each.
#include <fmt/format.h>

#include <string_view>
#include <unordered_map>

#include "report/finding_label.h"
#include "report/html_parts.h"
#include "report/html_sections.h"

namespace tagdrift::report {
namespace {

// A table longer than this is collapsed behind its count: long lists are folded, never cut.
constexpr std::size_t kOpenRows = 50;

using TagsByPage = std::unordered_map<std::string_view, std::vector<const drift::Finding*>>;

TagsByPage tags_by_page(const drift::Report& report) {
  TagsByPage tags;
  for (const drift::Finding& finding : report.findings) {
    for (const drift::FindingPage& page : finding.pages) tags[*page.url].push_back(&finding);
  }
  return tags;
}

bool matters(const drift::ReportPage& page) {
  return page.health_context || !page.collects_pii.empty();
}

std::string names(const drift::SharedNames& list) {
  std::string out;
  for (const auto& name : list) out += (out.empty() ? "" : ", ") + h(name);
  return out.empty() ? std::string("none") : out;
}

std::string tags_on(const drift::ReportPage& page, const TagsByPage& tags) {
  auto found = tags.find(*page.url);
  if (found == tags.end() && !page.final_url.empty()) found = tags.find(*page.final_url);
  if (found == tags.end()) return "none";
  std::string out;
  for (const drift::Finding* finding : found->second) {
    out += fmt::format("{}{} {} <code>{}</code>", out.empty() ? "" : "<br>",
                       severity_badge(finding->severity), h(display_name(*finding)),
                       h(display_id(*finding)));
  }
  return out;
}

}  // namespace

void render_html_pages(const drift::Report& report, std::ostream& out) {
  out << "<section id=\"pages\" aria-labelledby=\"pages-h\">\n<h2 id=\"pages-h\">Pages</h2>\n";
  std::size_t count = 0;
  for (const auto& page : report.pages) count += matters(page) ? 1 : 0;
  if (count == 0) {
    out << "<p>No page scanned has health context or a form asking for personal data.</p>\n"
        << "</section>\n";
    return;
  }
  const TagsByPage tags = tags_by_page(report);
  const bool fold = count > kOpenRows;
  if (fold) out << "<details><summary>" << count_of(count, "page") << "</summary>\n";
  out << "<table id=\"page-table\"><caption>" << count_of(count, "page")
      << " with health context or a personal-data form, and the tags on each</caption>\n"
      << "<thead><tr><th scope=\"col\">Page</th><th scope=\"col\">Health terms</th>"
      << "<th scope=\"col\">Form asks for</th><th scope=\"col\">Tags</th></tr></thead><tbody>\n";
  for (const auto& page : report.pages) {
    if (!matters(page)) continue;
    out << "<tr><th scope=\"row\"><code>" << h(site_relative(*page.url, report.scan.site))
        << "</code></th><td>" << names(page.health_terms) << "</td><td>" << names(page.collects_pii)
        << "</td><td>" << tags_on(page, tags) << "</td></tr>\n";
  }
  out << "</tbody></table>\n";
  if (fold) out << "</details>\n";
  out << "</section>\n";
}

}  // namespace tagdrift::report
