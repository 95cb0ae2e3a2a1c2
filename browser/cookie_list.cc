#include "browser/cookie_list.h"

#include "util/curl_url.h"
#include "util/domain.h"

namespace tagdrift::browser {
namespace {

std::string host_of(const std::string& url) {
  const auto parsed = parse_curl_url(url);
  return parsed ? url_part_text(parsed.get(), CURLUPART_HOST) : std::string();
}

std::string lower(std::string text) {
  for (auto& c : text)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return text;
}

}  // namespace

std::vector<ObservedCookie> cookie_list(const nlohmann::json& cookies,
                                        const std::string& page_url) {
  std::vector<ObservedCookie> out;
  if (!cookies.is_array()) return out;
  const auto page_host = lower(host_of(page_url));
  for (const auto& cookie : cookies) {
    if (!cookie.is_object()) continue;
    ObservedCookie observed;
    observed.name = cookie.value("name", std::string());
    observed.domain = cookie.value("domain", std::string());
    observed.path = cookie.value("path", std::string());
    observed.session = cookie.value("session", true);
    if (!observed.session) observed.expires = cookie.value("expires", 0.0);
    observed.secure = cookie.value("secure", false);
    observed.http_only = cookie.value("httpOnly", false);
    std::string host = lower(observed.domain);
    if (!host.empty() && host.front() == '.') host.erase(0, 1);
    observed.third_party = page_host.empty() || !same_site(host, page_host);
    out.push_back(std::move(observed));
  }
  return out;
}

}  // namespace tagdrift::browser
