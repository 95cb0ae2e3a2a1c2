// The Method section: the evidence trail of how this report was made and what it could not see.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "report/html_parts.h"
#include "report/html_sections.h"
#include "util/version.h"

namespace tagdrift::report {
namespace {

std::string setting_value(const nlohmann::json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_array() && value.empty()) return "none";
  if (value.is_array()) {
    std::string out;
    for (const auto& item : value) out += (out.empty() ? "" : ", ") + setting_value(item);
    return out;
  }
  if (value.is_boolean()) return value.get<bool>() ? "yes" : "no";
  return value.dump();
}

void render_settings(const std::string& options_json, std::ostream& out) {
  const nlohmann::json settings = nlohmann::json::parse(options_json, nullptr, false);
  if (!settings.is_object() || settings.empty()) {
    out << "<p>The scan recorded no settings (it was made by an older tagdrift).</p>\n";
    return;
  }
  out << "<table id=\"settings\"><caption>Settings that shaped the scan</caption><thead><tr>"
      << "<th scope=\"col\">Setting</th><th scope=\"col\">Value</th></tr></thead><tbody>\n";
  for (const auto& [name, value] : settings.items()) {
    out << "<tr><th scope=\"row\">" << h(name) << "</th><td>" << h(setting_value(value))
        << "</td></tr>\n";
  }
  out << "</tbody></table>\n";
}

void render_not_checked(const drift::Report& report, std::ostream& out) {
  const auto& scan = report.scan;
  out << "<h3>What this scan did not check</h3>\n<ul>\n"
      << "<li>Scripts were read as text, not run: a tag that a script builds at run time in a way "
         "the signatures do not describe is not seen.</li>\n"
      << "<li>What tags send (network requests, cookies, form data) was not observed.</li>\n"
      << "<li>Pages behind a login, outside the scan's scope or beyond its limits (see the "
         "settings above).</li>\n"
      << fmt::format("<li>{} failed and {} skipped (listed above).</li>\n",
                     count_of(static_cast<std::size_t>(scan.pages_failed), "page"),
                     scan.pages_skipped)
      << (scan.complete ? ""
                        : "<li>The scan did not finish: what it did not reach is unknown.</li>\n")
      << "</ul>\n";
}

}  // namespace

void render_html_method(const drift::Report& report, std::ostream& out) {
  const auto& scan = report.scan;
  out << "<section id=\"method\" aria-labelledby=\"method-h\">\n<h2 id=\"method-h\">Method</h2>\n"
      << "<dl class=\"facts\">\n<dt>Made by</dt><dd>tagdrift " << h(version()) << "</dd>\n"
      << "<dt>Scan</dt><dd>" << scan.id << " of <code>" << h(scan.target) << "</code></dd>\n"
      << "<dt>Signatures fingerprint</dt><dd><code>"
      << (scan.detection.empty() ? std::string("not recorded") : h(scan.detection))
      << "</code></dd>\n<dt>Compared with</dt><dd>"
      << (report.previous_scan_id ? fmt::format("scan {}", *report.previous_scan_id)
                                  : std::string("no earlier scan"))
      << "</dd>\n<dt>CI gate</dt><dd>fail on " << drift::fail_on_name(report.fail_on)
      << "</dd>\n</dl>\n";
  render_settings(scan.options_json, out);
  render_not_checked(report, out);
  out << "</section>\n";
}

}  // namespace tagdrift::report
