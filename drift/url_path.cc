#include "drift/url_path.h"

#include <fmt/format.h>
#include <re2/re2.h>

namespace tagdrift::drift {
namespace {

// Stored URLs come normalized from the crawler (libcurl's URL API), so splitting off the
// origin needs no full parser: scheme "://" authority, then the path up to "?" or "#".
const RE2& origin_and_path() {
  static const RE2 pattern(R"(^([A-Za-z][A-Za-z0-9+.\-]*://[^/?#]*)([^?#]*))");
  return pattern;
}

}  // namespace

std::string url_path(std::string_view url) {
  std::string origin, path;
  if (!RE2::PartialMatch(url, origin_and_path(), &origin, &path)) {
    path = std::string(url.substr(0, url.find_first_of("?#")));
  }
  return path.empty() ? "/" : path;
}

std::string display_url(std::string_view url, std::string_view site) {
  std::string origin, path;
  if (!RE2::PartialMatch(url, origin_and_path(), &origin, &path)) return std::string(url);
  while (!site.empty() && site.back() == '/') site.remove_suffix(1);
  if (origin != site) return std::string(url);
  return path.empty() ? "/" : std::string(url.substr(origin.size()));
}

std::string display_urls(const std::vector<std::string>& urls, std::string_view site,
                         std::size_t limit) {
  std::string out;
  for (std::size_t i = 0; i < urls.size() && i < limit; ++i) {
    if (i > 0) out += ", ";
    out += display_url(urls[i], site);
  }
  if (urls.size() > limit) out += fmt::format(" and {} more", urls.size() - limit);
  return out;
}

}  // namespace tagdrift::drift
