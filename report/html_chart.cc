#include "report/html_chart.h"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>

#include "report/html_parts.h"

namespace tagdrift::report {
namespace {

using drift::Severity;

constexpr int kWidth = 720, kHeight = 240;
constexpr int kLeft = 44, kRight = 12, kTop = 18, kBottom = 40;
constexpr std::array<Severity, 5> kBottomUp = {Severity::kCritical, Severity::kHigh,
                                               Severity::kMedium, Severity::kLow, Severity::kInfo};

std::size_t total(const drift::ScanPoint& point) {
  return std::accumulate(point.findings.begin(), point.findings.end(), std::size_t{0});
}

std::string fill(Severity severity) {
  return fmt::format("url(#pat-{})", drift::severity_name(severity));
}

void render_bar(const drift::ScanPoint& point, double x, double width, double scale, bool label,
                std::string& out) {
  double y = kHeight - kBottom;
  for (Severity severity : kBottomUp) {
    const std::size_t count = point.findings[static_cast<std::size_t>(severity)];
    if (count == 0) continue;
    const double height = static_cast<double>(count) * scale;
    y -= height;
    out += fmt::format(
        "<rect class=\"bar\" data-severity=\"{0}\" x=\"{1:.1f}\" y=\"{2:.1f}\" width=\"{3:.1f}\" "
        "height=\"{4:.1f}\" fill=\"{5}\" stroke=\"#1a1a1a\" stroke-width=\"0.8\"><title>scan {6}: "
        "{7} {0}</title></rect>",
        drift::severity_name(severity), x, y, width, height, fill(severity), point.id, count);
  }
  const double middle = x + width / 2;
  if (label) {
    out += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">{}</text>", middle,
                       y - 4, total(point));
    out += fmt::format("<text x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\">{}{}</text>", middle,
                       kHeight - kBottom + 14, point.id, point.complete ? "" : "*");
  }
}

std::string legend() {
  std::string out = "<ul class=\"legend\">";
  for (Severity severity : kBottomUp) {
    out += fmt::format(
        "<li><svg width=\"18\" height=\"14\" aria-hidden=\"true\"><rect x=\"1\" y=\"1\" "
        "width=\"16\" height=\"12\" fill=\"{}\" stroke=\"#1a1a1a\"/></svg> {}</li>",
        fill(severity), drift::severity_name(severity));
  }
  return out + "<li>* incomplete scan</li></ul>\n";
}

}  // namespace

std::string severity_patterns() {
  // Solid, dense diagonal, sparse diagonal, dots, empty: told apart without colour.
  return R"svg(<svg width="0" height="0" aria-hidden="true" class="defs"><defs>
<pattern id="pat-critical" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#8b0000"/></pattern>
<pattern id="pat-high" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="5" height="5" fill="#f4c7b8"/><rect width="2.5" height="5" fill="#a33a00"/></pattern>
<pattern id="pat-medium" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)"><rect width="8" height="8" fill="#fff2c4"/><rect width="1.6" height="8" fill="#7a5b00"/></pattern>
<pattern id="pat-low" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#e8f1fa"/><circle cx="3" cy="3" r="1.2" fill="#1f4e79"/></pattern>
<pattern id="pat-info" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#ffffff"/></pattern>
</defs></svg>
)svg";
}

std::string findings_chart(const std::vector<drift::ScanPoint>& scans) {
  std::size_t most = 1;
  for (const auto& point : scans) most = std::max(most, total(point));
  const double plot_width = kWidth - kLeft - kRight;
  const double slot = plot_width / static_cast<double>(std::max<std::size_t>(scans.size(), 1));
  const double scale = (kHeight - kTop - kBottom - 10) / static_cast<double>(most);
  // Label about every 30th of the plot's width, so labels never overlap.
  const std::size_t every = std::max<std::size_t>(1, static_cast<std::size_t>(22.0 / slot) + 1);
  std::string out = fmt::format(
      "<svg id=\"findings-chart\" role=\"img\" aria-labelledby=\"chart-title chart-desc\" "
      "viewBox=\"0 0 {0} {1}\" width=\"{0}\" height=\"{1}\"><title id=\"chart-title\">Findings "
      "per scan, stacked by severity</title><desc id=\"chart-desc\">{2}; the same figures are in "
      "the table below.</desc>",
      kWidth, kHeight, count_of(scans.size(), "scan"));
  out += fmt::format(
      "<line class=\"axis\" x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\"/><line class=\"axis\" "
      "x1=\"{0}\" y1=\"{3}\" x2=\"{0}\" y2=\"{1}\"/><text x=\"{4}\" y=\"{5}\" "
      "text-anchor=\"end\">{6}</text><text x=\"{4}\" y=\"{1}\" text-anchor=\"end\">0</text>"
      "<text x=\"{7}\" y=\"{8}\" text-anchor=\"middle\">scan</text>",
      kLeft, kHeight - kBottom, kWidth - kRight, kTop, kLeft - 4, kTop + 10 + 4, most,
      kLeft + plot_width / 2, kHeight - 6);
  for (std::size_t i = 0; i < scans.size(); ++i) {
    const bool label = i % every == 0 || i + 1 == scans.size();
    const double width = std::min(slot * 0.7, 48.0);
    render_bar(scans[i], kLeft + slot * static_cast<double>(i) + (slot - width) / 2, width, scale,
               label, out);
  }
  return out + "</svg>\n" + legend();
}

}  // namespace tagdrift::report
