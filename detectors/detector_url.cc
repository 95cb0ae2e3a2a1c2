#include "detectors/detector_url.h"

#include <algorithm>
#include <memory>
#include <optional>
#include <utility>

#include "util/ascii.h"
#include "util/curl_url.h"

namespace tagdrift::detectors {
namespace {

// Host (lower case) and path of an http(s) URL; both empty when it is not one.
std::pair<std::string, std::string> host_and_path(std::string_view url) {
  std::string text(url);
  text.erase(0, text.find_first_not_of(" \t\r\n"));
  if (text.rfind("//", 0) == 0) text = "https:" + text;
  const CurlUrl handle = parse_curl_url(text);
  if (!handle) return {};
  const std::string scheme = url_part_text(handle.get(), CURLUPART_SCHEME);
  if (scheme != "http" && scheme != "https") return {};
  return {ascii_lowercase(url_part_text(handle.get(), CURLUPART_HOST)),
          url_part_text(handle.get(), CURLUPART_PATH)};
}

bool is_dns_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.';
}

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// The host of a plain "http(s)://name/..." URL, read without parsing: a DNS name ending in a
// label of letters (so never an IP address, which libcurl rewrites), no user, no port, and no
// byte in the whole URL that libcurl refuses or that needs escaping. Nothing when the URL is not
// that plain; then libcurl decides.
std::optional<std::string> plain_host(std::string_view url) {
  std::size_t start = 0;
  if (url.starts_with("https://")) {
    start = 8;
  } else if (url.starts_with("http://")) {
    start = 7;
  } else {
    return std::nullopt;
  }
  const bool clean = std::all_of(url.begin(), url.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte > 0x20 && byte < 0x7f &&
           std::string_view("\\\"<>{}|^`").find(c) == std::string_view::npos;
  });
  const std::size_t end = std::min(url.find_first_of("/?#", start), url.size());
  const std::string_view host = url.substr(start, end - start);
  const std::size_t dot = host.rfind('.');
  const std::string_view last = dot == std::string_view::npos ? host : host.substr(dot + 1);
  if (!clean || last.empty() || !std::all_of(host.begin(), host.end(), is_dns_char) ||
      !std::all_of(last.begin(), last.end(), is_letter)) {
    return std::nullopt;
  }
  return ascii_lowercase(host);
}

}  // namespace

// Called for every script, image and frame a page has: most are plain, and need no parse.
std::string url_host(std::string_view url) {
  const std::size_t first = std::min(url.find_first_not_of(" \t\r\n"), url.size());
  if (auto host = plain_host(url.substr(first))) return *host;
  return host_and_path(url).first;
}

bool url_in(std::string_view url, const std::vector<std::string>& entries) {
  // Named variables, not a structured binding: clang before 16 cannot capture bindings.
  const auto host_path = host_and_path(url);
  const auto& host = host_path.first;
  const auto& path = host_path.second;
  if (host.empty()) return false;
  return std::any_of(entries.begin(), entries.end(), [&](const std::string& entry) {
    std::size_t slash = entry.find('/');
    if (slash == std::string::npos) return host_in(host, {entry});
    return host_in(host, {entry.substr(0, slash)}) && path.starts_with(entry.substr(slash));
  });
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
