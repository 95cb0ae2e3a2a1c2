#include "report/unread_report.h"

#include <fmt/format.h>

#include "report/finding_label.h"
#include "report/markdown_escape.h"
#include "report/safe_text.h"
#include "report/xml_escape.h"

namespace tagdrift::report {
namespace {

using nlohmann::json;

// Pages named in a line before "and N more".
constexpr std::size_t kPagesShown = 3;

std::string plural(std::size_t n, const char* word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

// "too-large: 6291456 bytes, over the limit of 4194304"
std::string why(const drift::UnreadScript& script) {
  return script.detail.empty() ? script.reason : script.reason + ": " + script.detail;
}

// "loaded by /, /about/ and 3 more"
std::string loaded_by(const drift::UnreadScript& script, const std::string& site) {
  std::string pages;
  for (std::size_t i = 0; i < script.pages.size() && i < kPagesShown; ++i) {
    pages += (i == 0 ? "" : ", ") + site_relative(script.pages[i], site);
  }
  if (script.pages.size() > kPagesShown) {
    pages += fmt::format(" and {} more", script.pages.size() - kPagesShown);
  }
  return pages.empty() ? "" : "loaded by " + pages;
}

std::string line(const drift::UnreadScript& script, const std::string& site) {
  return fmt::format("{} not read in full ({}){}; {}", script.url, why(script),
                     script.newly ? ", new since the last scan" : "", loaded_by(script, site));
}

}  // namespace

void render_unread_headline(const drift::Report& report, const Paint& paint, std::ostream& out) {
  if (report.unread_scripts.empty()) return;
  out << paint(kYellow, fmt::format("warning: {} not read in full: tags in them were not seen",
                                    plural(report.unread_scripts.size(), "script")))
      << '\n';
}

void render_unread_text(const drift::Report& report, const Paint& paint, std::ostream& out) {
  if (!report.unread_scripts.empty()) {
    out << '\n'
        << paint(kBold, fmt::format("Scripts not read in full ({})", report.unread_scripts.size()))
        << '\n';
  }
  for (const auto& script : report.unread_scripts) {
    out << fmt::format("  {}  {}{}\n    {}\n", printable(script.url), printable(why(script)),
                       script.newly ? paint(kYellow, "  (new since the last scan)") : "",
                       printable(loaded_by(script, report.scan.site)));
  }
  if (!report.read_again.empty()) {
    out << '\n'
        << paint(kBold, fmt::format("Scripts read again since the last scan ({})",
                                    report.read_again.size()))
        << '\n';
  }
  for (const auto& url : report.read_again) out << "  " << printable(url) << '\n';
}

void render_unread_markdown(const drift::Report& report, std::ostream& out) {
  if (!report.unread_scripts.empty()) {
    out << fmt::format("\n### Scripts not read in full ({})\n\nTags in these were not seen.\n\n",
                       report.unread_scripts.size());
  }
  for (const auto& script : report.unread_scripts) {
    out << fmt::format("- {}: {}{}; {}\n", markdown_escape(script.url),
                       markdown_escape(why(script)),
                       script.newly ? " (new since the last scan)" : "",
                       markdown_escape(loaded_by(script, report.scan.site)));
  }
  if (!report.read_again.empty()) out << "\n### Scripts read again since the last scan\n\n";
  for (const auto& url : report.read_again) out << "- " << markdown_escape(url) << '\n';
}

JunitUnreadCounts junit_unread_counts(const drift::Report& report) {
  JunitUnreadCounts counts;
  counts.tests = report.unread_scripts.size();
  (report.fail_on_unread ? counts.failures : counts.skipped) = counts.tests;
  return counts;
}

void render_unread_junit(const drift::Report& report, std::ostream& out) {
  for (const auto& script : report.unread_scripts) {
    const std::string message = xml_escape(line(script, report.scan.site));
    out << fmt::format("  <testcase classname=\"tagdrift.script\" name=\"{}\">\n",
                       xml_escape(script.url));
    if (report.fail_on_unread) {
      out << fmt::format("    <failure message=\"{}\" type=\"unread\">{}</failure>\n", message,
                         message);
    } else {
      out << fmt::format("    <skipped message=\"{}\"/>\n", message);
    }
    out << "  </testcase>\n";
  }
}

void add_unread_notifications(const drift::Report& report, json& notifications) {
  for (const auto& script : report.unread_scripts) {
    notifications.push_back({{"level", report.fail_on_unread ? "error" : "warning"},
                             {"message", {{"text", line(script, report.scan.site)}}},
                             {"properties",
                              {{"url", script.url},
                               {"reason", script.reason},
                               {"detail", script.detail},
                               {"pages", script.pages},
                               {"new", script.newly}}}});
  }
  for (const auto& url : report.read_again) {
    notifications.push_back({{"level", "note"},
                             {"message", {{"text", url + " read again since the last scan"}}},
                             {"properties", {{"url", url}}}});
  }
}

json unread_scripts_json(const drift::Report& report) {
  json out = json::array();
  for (const auto& script : report.unread_scripts) {
    out.push_back({{"url", script.url},
                   {"reason", script.reason},
                   {"detail", script.detail},
                   {"pages", script.pages},
                   {"new", script.newly}});
  }
  return out;
}

json read_again_json(const drift::Report& report) { return json(report.read_again); }

}  // namespace tagdrift::report
