#include "report/html_parts.h"

#include <fmt/format.h>

#include "report/html_escape.h"

namespace tagdrift::report {

std::string h(std::string_view text) { return html_escape(text); }

std::string severity_badge(drift::Severity severity) {
  const char* name = drift::severity_name(severity);
  return fmt::format("<span class=\"sev sev-{0}\">{0}</span>", name);
}

std::string status_badge(std::string_view status) {
  return fmt::format("<span class=\"status-{0}\">{0}</span>", h(status));
}

std::string readable_time(std::string_view iso) {
  // 2026-11-26T10:00:00Z
  if (iso.size() >= 17 && iso[10] == 'T' && iso.back() == 'Z') {
    return h(fmt::format("{} {} UTC", iso.substr(0, 10), iso.substr(11, 5)));
  }
  return h(iso);
}

std::string count_of(std::size_t count, std::string_view noun) {
  return fmt::format("{} {}{}", count, noun, count == 1 ? "" : "s");
}

}  // namespace tagdrift::report
