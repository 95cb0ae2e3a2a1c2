// The Pages section: the pages where a tag can expose a patient, with the tags on each.
#include <fmt/format.h>

#include <string_view>
#include <unordered_map>

#include "report/finding_label.h"
#include "report/html_parts.h"
#include "report/html_sections.h"

namespace tagdrift::report {
namespace {

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

// The tags on `page`, worst first, as one line per tag.
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

// Pages with the same health terms, form fields and tags share one row: a site's template
// repeats them on thousands of pages, and each page is still listed.
struct PageGroup {
  std::string terms, fields, tags;
  std::vector<const drift::ReportPage*> pages;
};

std::vector<PageGroup> page_groups(const drift::Report& report) {
  const TagsByPage tags = tags_by_page(report);
  std::vector<PageGroup> groups;
  std::unordered_map<std::string, std::size_t> index;
  for (const auto& page : report.pages) {
    if (!matters(page)) continue;
    PageGroup group{names(page.health_terms), names(page.collects_pii), tags_on(page, tags), {}};
    std::string key = group.terms + '\x1f' + group.fields + '\x1f' + group.tags;
    auto [at, added] = index.try_emplace(std::move(key), groups.size());
    if (added) groups.push_back(std::move(group));
    groups[at->second].pages.push_back(&page);
  }
  return groups;
}

std::string url_list(const std::vector<const drift::ReportPage*>& pages, const std::string& site) {
  std::vector<std::string> paths;
  paths.reserve(pages.size());
  for (const auto* page : pages) paths.push_back(site_relative(*page->url, site));
  return page_list(paths);
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
  const std::vector<PageGroup> groups = page_groups(report);
  out << "<table id=\"page-table\"><caption>" << count_of(count, "page")
      << " with health context or a personal-data form, and the tags on each (pages alike share "
         "a row)</caption>\n<thead><tr><th scope=\"col\">Pages</th><th scope=\"col\">Health "
         "terms</th><th scope=\"col\">Form asks for</th><th scope=\"col\">Tags</th></tr></thead>"
         "<tbody>\n";
  for (const PageGroup& group : groups) {
    out << "<tr><td>" << url_list(group.pages, report.scan.site) << "</td><td>" << group.terms
        << "</td><td>" << group.fields << "</td><td>" << group.tags << "</td></tr>\n";
  }
  out << "</tbody></table>\n";
  out << "</section>\n";
}

}  // namespace tagdrift::report
