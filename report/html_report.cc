#include "report/html_report.h"

#include <fmt/format.h>

#include "report/html_assets.h"
#include "report/html_parts.h"
#include "report/html_sections.h"
#include "util/sha256.h"

namespace tagdrift::report {

std::string html_content_security_policy() {
  // Computed from the very bytes written below, so the two cannot drift apart.
  static const std::string policy = fmt::format(
      "default-src 'none'; script-src 'sha256-{}'; style-src 'sha256-{}'; img-src 'none'; "
      "font-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'",
      sha256_base64(kHtmlScript), sha256_base64(kHtmlStyle));
  return policy;
}

void render_html(const drift::Report& report, const drift::SiteHistory* history,
                 std::ostream& out) {
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta http-equiv=\"Content-Security-Policy\" content=\"" << html_content_security_policy()
      << "\">\n"
      << "<meta name=\"referrer\" content=\"no-referrer\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>tagdrift report: " << h(report.scan.site) << "</title>\n"
      << "<style>" << kHtmlStyle << "</style>\n</head>\n<body>\n<main>\n"
      << "<h1>Tracking tags on " << h(report.scan.site) << "</h1>\n";
  render_html_summary(report, out);
  render_html_findings(report, out);
  render_html_history(report, history, out);
  render_html_pages(report, out);
  render_html_set_aside(report, out);
  render_html_method(report, out);
  out << "</main>\n<script>" << kHtmlScript << "</script>\n</body>\n</html>\n";
}

}  // namespace tagdrift::report
