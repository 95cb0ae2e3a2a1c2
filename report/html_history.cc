// The History section: how the site's tags moved across its scans, from the database.
#include <fmt/format.h>

#include <string_view>
#include <unordered_map>

#include "report/html_chart.h"
#include "report/html_parts.h"
#include "report/html_sections.h"
#include "report/html_timeline.h"

namespace tagdrift::report {
namespace {

using drift::Severity;

constexpr std::array<Severity, 5> kWorstFirst = {
    Severity::kCritical, Severity::kHigh, Severity::kMedium, Severity::kLow, Severity::kInfo};

void render_chart_table(const drift::SiteHistory& history, std::ostream& out) {
  out << "<details><summary>Findings per scan as a table</summary>\n<table id=\"scan-counts\">"
      << "<thead><tr><th scope=\"col\">Scan</th><th scope=\"col\">Date</th>";
  for (Severity severity : kWorstFirst) {
    out << "<th scope=\"col\" class=\"num\">" << drift::severity_name(severity) << "</th>";
  }
  out << "</tr></thead><tbody>\n";
  for (const auto& point : history.scans) {
    out << "<tr><th scope=\"row\">" << point.id << (point.complete ? "" : " (incomplete)")
        << "</th><td>" << readable_time(point.started_at) << "</td>";
    for (Severity severity : kWorstFirst) {
      out << "<td class=\"num\">" << point.findings[static_cast<std::size_t>(severity)] << "</td>";
    }
    out << "</tr>\n";
  }
  out << "</tbody></table></details>\n";
}

// Where the tag stands now, in words: "present", "removed 2026-11-26 10:00 UTC", "reinstalled …".
std::string standing(const drift::HistoryEvent* last) {
  if (last == nullptr) return "not checked";
  const std::string when = readable_time(last->date);
  switch (last->kind) {
    case drift::EventKind::kFirstSeen:
      return "present since " + when;
    case drift::EventKind::kRemoved:
      return status_badge("removed") + " " + when;
    case drift::EventKind::kReinstalled:
      return status_badge("reinstalled") + " " + when;
  }
  return "";
}

void render_timelines(const drift::SiteHistory& history, std::ostream& out) {
  out << "<h3>Each tag across the scans</h3>\n<p class=\"muted\">A filled square: the tag was "
         "live in that scan. Empty: a complete scan did not find it. Dashed: an incomplete scan "
         "could not tell. A ring: it came back after a removal.</p>\n"
      << "<table id=\"timelines\"><thead><tr><th scope=\"col\">Tag</th><th scope=\"col\">ID</th>"
      << "<th scope=\"col\">Now</th><th scope=\"col\">Scans, oldest first</th></tr></thead>"
      << "<tbody>\n";
  std::unordered_map<std::string_view, const drift::HistoryEvent*> last;
  for (const auto& event : history.events) last[event.key] = &event;
  for (const auto& tag : history.tags) {
    const auto found = last.find(tag.key);
    out << "<tr><th scope=\"row\">" << h(tag.product.empty() ? tag.vendor : tag.product)
        << "</th><td><code>" << h(tag.tag_id.empty() ? tag.key : tag.tag_id) << "</code></td><td>"
        << standing(found == last.end() ? nullptr : found->second) << "</td><td>"
        << timeline_svg(tag, history.scans) << "</td></tr>\n";
  }
  out << "</tbody></table>\n";
}

void render_events(const drift::SiteHistory& history, std::ostream& out) {
  out << "<h3>Drift events</h3>\n";
  if (history.events.empty()) {
    out << "<p>No tag has appeared or gone in the scans kept.</p>\n";
    return;
  }
  out << "<table id=\"events\"><thead><tr><th scope=\"col\">Date</th><th scope=\"col\">Scan</th>"
      << "<th scope=\"col\">Event</th><th scope=\"col\">Tag</th><th scope=\"col\">ID</th></tr>"
      << "</thead><tbody>\n";
  for (const auto& event : history.events) {
    out << "<tr><td>" << readable_time(event.date) << "</td><td class=\"num\">" << event.scan_id
        << "</td><td>" << status_badge(drift::event_name(event.kind)) << "</td><th scope=\"row\">"
        << h(event.vendor) << "</th><td><code>"
        << h(event.tag_id.empty() ? event.key : event.tag_id) << "</code></td></tr>\n";
  }
  out << "</tbody></table>\n";
}

}  // namespace

void render_html_history(const drift::Report& /*report*/, const drift::SiteHistory* history,
                         std::ostream& out) {
  out << "<section id=\"history\" aria-labelledby=\"history-h\">\n"
      << "<h2 id=\"history-h\">History</h2>\n";
  if (history == nullptr) {
    out << "<p id=\"no-history\">There is no history: this scan ran without a database "
           "(<code>--no-db</code>), so it cannot say when tags appeared or were removed.</p>\n"
        << "</section>\n";
    return;
  }
  out << "<p>" << count_of(history->scans.size(), "scan") << " of this site, oldest first.</p>\n"
      << severity_patterns() << findings_chart(history->scans);
  render_chart_table(*history, out);
  render_timelines(*history, out);
  render_events(*history, out);
  out << "</section>\n";
}

}  // namespace tagdrift::report
