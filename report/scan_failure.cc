#include "report/scan_failure.h"

#include <fmt/format.h>

#include "report/finding_label.h"
#include "report/markdown_escape.h"
#include "report/safe_text.h"
#include "report/xml_escape.h"

namespace tagdrift::report {
namespace {

using nlohmann::json;

std::string plural(std::size_t n, const char* word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

std::string tag_name(const drift::UnverifiedTag& tag) {
  return tag.vendor + " " + (tag.tag_id.empty() ? tag.key : tag.tag_id);
}

// "last seen on /a/, /b/" with the pages shortened against the site.
std::string last_seen(const drift::UnverifiedTag& tag, const std::string& site) {
  std::string pages;
  for (const auto& page : tag.pages)
    pages += (pages.empty() ? "" : ", ") + site_relative(page, site);
  return pages.empty() ? "" : "last seen on " + pages;
}

std::string unverified_line(const drift::UnverifiedTag& tag, const std::string& site) {
  std::string where = last_seen(tag, site);
  return fmt::format("{} not verified in this scan{}", tag.key, where.empty() ? "" : ": " + where);
}

// What a failed page means for its tags: a 404 or 410 is a real removal, anything else proves
// nothing (drift/unverified.h).
std::string page_note(const FailedPage& page) {
  const bool gone = page.status == 404 || page.status == 410;
  return gone ? "gone: its tags count as removed" : "its tags were not verified";
}

json or_null(const std::string& text) { return text.empty() ? json() : json(text); }

json notification(const char* level, const std::string& text, json properties) {
  return {{"level", level}, {"message", {{"text", text}}}, {"properties", std::move(properties)}};
}

}  // namespace

bool scan_did_not_run(const drift::Report& report) { return !report.failed_targets.empty(); }

std::vector<FailedPage> failed_pages(const drift::Report& report) {
  std::vector<FailedPage> pages;
  for (const auto& page : report.pages) {
    if (!page.error.empty()) {
      pages.push_back({*page.url, page.status, *page.error});
    } else if (page.skipped.empty() && page.status >= 400) {
      pages.push_back({*page.url, page.status, fmt::format("HTTP {}", page.status)});
    }
  }
  return pages;
}

std::string failure_headline(const drift::Report& report) {
  if (scan_did_not_run(report)) {
    return fmt::format("the scan could not run: {} could not be scanned",
                       plural(report.failed_targets.size(), "target"));
  }
  std::size_t failed = failed_pages(report).size();
  if (failed > 0) {
    return fmt::format("the scan is incomplete: {} failed", plural(failed, "page"));
  }
  if (!report.scan.complete) return "the scan is incomplete: it did not finish";
  return "";
}

void render_failure_text(const drift::Report& report, const Paint& paint, std::ostream& out) {
  if (scan_did_not_run(report)) {
    out << paint(kRed, "SCAN FAILED: " + failure_headline(report) +
                           "; it says nothing about the site's tags")
        << '\n';
    for (const auto& target : report.failed_targets) {
      out << fmt::format("  {}: {}\n", printable(target.target), printable(target.reason));
    }
    out << '\n';
  }
}

void render_incomplete_text(const drift::Report& report, const Paint& paint, std::ostream& out) {
  if (scan_did_not_run(report)) return;  // the heading named the targets
  std::vector<FailedPage> pages = failed_pages(report);
  if (pages.empty()) return;
  out << '\n'
      << paint(kRed, fmt::format("INCOMPLETE SCAN: {} failed", plural(pages.size(), "page")))
      << '\n';
  for (const auto& page : pages) {
    out << fmt::format("  {}  {}  ({})\n", printable(page.url), printable(page.error),
                       page_note(page));
  }
}

void render_unverified_text(const drift::Report& report, const Paint& paint, std::ostream& out) {
  if (report.unverified.empty()) return;
  out << '\n'
      << paint(kBold, fmt::format("Not verified in this scan ({})", report.unverified.size()))
      << '\n';
  for (const auto& tag : report.unverified) {
    out << fmt::format("  {}  ({})  {}\n", printable(tag_name(tag)), printable(tag.key),
                       printable(last_seen(tag, report.scan.site)));
  }
}

void render_failure_markdown(const drift::Report& report, std::ostream& out) {
  if (scan_did_not_run(report)) {
    out << "\n### Scan failed\n\nThe scan could not run, so it says nothing about the site's "
           "tags.\n\n";
    for (const auto& target : report.failed_targets) {
      out << fmt::format("- {}: {}\n", markdown_escape(target.target),
                         markdown_escape(target.reason));
    }
  }
  std::vector<FailedPage> pages;
  if (!scan_did_not_run(report)) pages = failed_pages(report);
  if (!pages.empty()) {
    out << fmt::format("\n### Incomplete: {} failed\n\n", plural(pages.size(), "page"));
  }
  for (const auto& page : pages) {
    out << fmt::format("- {}: {} ({})\n",
                       markdown_escape(site_relative(page.url, report.scan.site)),
                       markdown_escape(page.error), page_note(page));
  }
  if (!report.unverified.empty()) out << "\n### Not verified in this scan\n\n";
  for (const auto& tag : report.unverified) {
    out << fmt::format("- {}: {}\n", markdown_escape(tag_name(tag)),
                       markdown_escape(last_seen(tag, report.scan.site)));
  }
}

JunitFailureCounts junit_failure_counts(const drift::Report& report) {
  JunitFailureCounts counts;
  counts.errors = report.failed_targets.size();
  counts.skipped = failed_pages(report).size() + report.unverified.size();
  counts.tests = counts.errors + counts.skipped;
  return counts;
}

void render_failure_junit(const drift::Report& report, std::ostream& out) {
  for (const auto& target : report.failed_targets) {
    std::string message = "could not be scanned: " + target.reason;
    out << fmt::format(
        "  <testcase classname=\"tagdrift.scan\" name=\"{}\">\n"
        "    <error message=\"{}\" type=\"target-failed\">{}: {}\n"
        "The scan could not run: it says nothing about the site's tags.</error>\n"
        "  </testcase>\n",
        xml_escape(target.target), xml_escape(message), xml_escape(target.target),
        xml_escape(message));
  }
  for (const auto& page : failed_pages(report)) {
    out << fmt::format(
        "  <testcase classname=\"tagdrift.page\" name=\"{}\">\n"
        "    <skipped message=\"{}\"/>\n  </testcase>\n",
        xml_escape(page.url), xml_escape("page failed: " + page.error + "; " + page_note(page)));
  }
  for (const auto& tag : report.unverified) {
    out << fmt::format(
        "  <testcase classname=\"tagdrift.{}\" name=\"{} (not verified)\">\n"
        "    <skipped message=\"{}\"/>\n  </testcase>\n",
        xml_escape(tag.vendor), xml_escape(tag.key),
        xml_escape(unverified_line(tag, report.scan.site)));
  }
}

json sarif_invocation(const drift::Report& report) {
  json notifications = json::array();
  for (const auto& target : report.failed_targets) {
    notifications.push_back(notification("error",
                                         "could not scan " + target.target + ": " + target.reason,
                                         {{"target", target.target}, {"reason", target.reason}}));
  }
  for (const auto& page : failed_pages(report)) {
    notifications.push_back(notification(
        "warning", "page failed: " + page.url + ": " + page.error + "; " + page_note(page),
        {{"url", page.url}, {"status", page.status}, {"error", page.error}}));
  }
  for (const auto& tag : report.unverified) {
    notifications.push_back(notification("warning", unverified_line(tag, report.scan.site),
                                         {{"key", tag.key}, {"pages", tag.pages}}));
  }
  json invocation = {{"executionSuccessful", report.scan.complete && !scan_did_not_run(report)}};
  if (!notifications.empty()) invocation["toolExecutionNotifications"] = std::move(notifications);
  return invocation;
}

json failed_targets_json(const drift::Report& report) {
  json out = json::array();
  for (const auto& target : report.failed_targets) {
    out.push_back({{"target", target.target}, {"reason", target.reason}});
  }
  return out;
}

json failed_pages_json(const drift::Report& report) {
  json out = json::array();
  for (const auto& page : failed_pages(report)) {
    out.push_back({{"url", page.url}, {"status", page.status}, {"error", page.error}});
  }
  return out;
}

json unverified_json(const drift::Report& report) {
  json out = json::array();
  for (const auto& tag : report.unverified) {
    out.push_back({{"key", tag.key},
                   {"vendor", tag.vendor},
                   {"tag_id", or_null(tag.tag_id)},
                   {"pages", tag.pages}});
  }
  return out;
}

}  // namespace tagdrift::report
