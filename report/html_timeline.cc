#include "report/html_timeline.h"

#include <fmt/format.h>

#include <algorithm>

#include "report/html_parts.h"

namespace tagdrift::report {
namespace {

using drift::Presence;

// Fill and stroke come from the style sheet's classes: a site with thousands of tags repeats
// these marks thousands of times, so each carries its geometry only.
std::string cell(Presence presence, bool returned, double x, double size) {
  const double inner = size - 3;
  switch (presence) {
    case Presence::kPresent:
      if (returned) {
        return fmt::format("<circle class=\"returned\" cx=\"{:g}\" cy=\"{:g}\" r=\"{:g}\"/>",
                           x + size / 2, size / 2 + 1, inner / 2 - 0.5);
      }
      return fmt::format(
          "<rect class=\"present\" x=\"{:g}\" y=\"1.5\" width=\"{:g}\" height=\"{:g}\"/>", x + 1.5,
          inner, inner);
    case Presence::kAbsent:
      return fmt::format(
          "<rect class=\"absent\" x=\"{:g}\" y=\"1.5\" width=\"{:g}\" height=\"{:g}\"/>", x + 1.5,
          inner, inner);
    case Presence::kNotChecked:
      return fmt::format(
          "<rect class=\"not-checked\" x=\"{:g}\" y=\"1.5\" width=\"{:g}\" height=\"{:g}\"/>",
          x + 1.5, inner, inner);
  }
  return "";
}

}  // namespace

std::string timeline_svg(const drift::TagTimeline& tag,
                         const std::vector<drift::ScanPoint>& scans) {
  const std::size_t n = std::max<std::size_t>(tag.cells.size(), 1);
  const double size = std::clamp(480.0 / static_cast<double>(n), 4.0, 16.0);
  std::string out = fmt::format(
      "<svg class=\"timeline\" role=\"img\" width=\"{0:.0f}\" height=\"{1:.0f}\" viewBox=\"0 0 "
      "{0:.0f} {1:.0f}\"><title>{2} in {3}</title>",
      size * static_cast<double>(n), size + 2, h(tag.vendor + " " + tag.tag_id),
      count_of(static_cast<std::size_t>(
                   std::count(tag.cells.begin(), tag.cells.end(), Presence::kPresent)),
               "scan") +
          " of " + std::to_string(scans.size()));
  bool seen = false, gone = false;
  for (std::size_t i = 0; i < tag.cells.size(); ++i) {
    const Presence presence = tag.cells[i];
    const bool returned = presence == Presence::kPresent && gone;
    if (presence == Presence::kPresent) seen = true, gone = false;
    if (presence == Presence::kAbsent && seen) gone = true;
    out += cell(presence, returned, size * static_cast<double>(i), size);
  }
  return out + "</svg>";
}

}  // namespace tagdrift::report
