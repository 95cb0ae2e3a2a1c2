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

std::string page_list(const std::vector<std::string>& urls) {
  constexpr std::size_t kOpenListLimit = 10;
  std::string out;
  if (urls.size() <= kOpenListLimit) {
    out = "<ul class=\"urls\">";
    for (const std::string& url : urls) out += "<li>" + h(url) + "</li>";
    return out + "</ul>";
  }
  out = "<details><summary>" + count_of(urls.size(), "page") + "</summary><pre class=\"urls\">";
  for (const std::string& url : urls) out += h(url) + '\n';
  return out + "</pre></details>";
}

}  // namespace tagdrift::report
