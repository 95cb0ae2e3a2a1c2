#include "detectors/detector_url.h"

#include <curl/curl.h>

#include <algorithm>
#include <memory>

namespace tagdrift::detectors {
namespace {

struct UrlDeleter {
  void operator()(CURLU* url) const { curl_url_cleanup(url); }
};
struct CurlStringDeleter {
  void operator()(char* text) const { curl_free(text); }
};

}  // namespace

std::string url_host(std::string_view url) {
  std::string text(url);
  text.erase(0, text.find_first_not_of(" \t\r\n"));
  if (text.rfind("//", 0) == 0) text = "https:" + text;
  std::unique_ptr<CURLU, UrlDeleter> handle(curl_url());
  if (!handle || curl_url_set(handle.get(), CURLUPART_URL, text.c_str(), 0) != CURLUE_OK) {
    return {};
  }
  char* scheme = nullptr;
  char* host = nullptr;
  curl_url_get(handle.get(), CURLUPART_SCHEME, &scheme, 0);
  std::unique_ptr<char, CurlStringDeleter> scheme_owner(scheme);
  if (scheme == nullptr ||
      (std::string_view(scheme) != "http" && std::string_view(scheme) != "https")) {
    return {};
  }
  if (curl_url_get(handle.get(), CURLUPART_HOST, &host, 0) != CURLUE_OK) return {};
  std::unique_ptr<char, CurlStringDeleter> host_owner(host);
  std::string out(host);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool host_in(std::string_view host, const std::vector<std::string>& hosts) {
  if (host.empty()) return false;
  return std::any_of(hosts.begin(), hosts.end(), [&](const std::string& entry) {
    if (host == entry) return true;
    return host.size() > entry.size() && host.ends_with(entry) &&
           host[host.size() - entry.size() - 1] == '.';
  });
}

}  // namespace tagdrift::detectors
