#include "crawler/plain_url.h"

#include <cstddef>

namespace tagdrift::crawler {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }

// Up to `max_digits` decimal digits from `at`, with no leading zero; its value, or -1.
int read_decimal(std::string_view text, std::size_t& at, std::size_t max_digits) {
  const std::size_t start = at;
  int value = 0;
  while (at < text.size() && is_digit(text[at]) && at - start < max_digits) {
    value = value * 10 + (text[at++] - '0');
  }
  if (at == start || (at - start > 1 && text[start] == '0')) return -1;
  return value;
}

// Four decimal parts of 0-255 with no leading zeros: the form libcurl writes an IPv4 host in.
bool canonical_ipv4(std::string_view host) {
  std::size_t at = 0;
  for (int part = 0; part < 4; ++part) {
    if (part > 0 && (at >= host.size() || host[at++] != '.')) return false;
    const int value = read_decimal(host, at, 3);
    if (value < 0 || value > 255) return false;
  }
  return at == host.size();
}

// Lower-case labels of letters, digits and inner hyphens; the last of letters only, so that it
// is never an IP address in one of the forms libcurl rewrites.
bool plain_dns_name(std::string_view host) {
  std::size_t start = 0;
  bool letters_only = true;
  for (std::size_t i = 0; i <= host.size(); ++i) {
    if (i == host.size() || host[i] == '.') {
      if (i == start || host[start] == '-' || host[i - 1] == '-') return false;
      if (i == host.size()) return letters_only;
      start = i + 1;
      letters_only = true;
    } else if (is_digit(host[i]) || host[i] == '-') {
      letters_only = false;
    } else if (!is_lower(host[i])) {
      return false;
    }
  }
  return false;
}

// ":port" as normalize_url keeps it: digits, no leading zero, 1-65535, not the default.
int read_port(std::string_view text, std::size_t& at, int default_port) {
  if (at >= text.size() || text[at] != ':') return default_port;
  ++at;
  const int port = read_decimal(text, at, 5);
  return port <= 0 || port > 65535 || port == default_port ? -1 : port;
}

}  // namespace

bool is_unreserved(unsigned char c) {
  return is_lower(static_cast<char>(c)) || (c >= 'A' && c <= 'Z') ||
         is_digit(static_cast<char>(c)) || c == '-' || c == '.' || c == '_' || c == '~';
}

bool plain_path(std::string_view path) {
  std::size_t segment = 0;  // start of the current segment
  for (std::size_t i = 0; i <= path.size(); ++i) {
    if (i == path.size() || path[i] == '/') {
      const std::string_view name = path.substr(segment, i - segment);
      if (name == "." || name == "..") return false;
      segment = i + 1;
    } else if (!is_unreserved(static_cast<unsigned char>(path[i]))) {
      return false;
    }
  }
  return true;
}

std::optional<PlainUrl> read_plain_url(std::string_view url) {
  PlainUrl plain;
  if (url.starts_with("https://")) {
    plain.scheme = url.substr(0, 5);
  } else if (url.starts_with("http://")) {
    plain.scheme = url.substr(0, 4);
  } else {
    return std::nullopt;
  }
  const std::size_t host_start = plain.scheme.size() + 3;
  std::size_t at = url.find_first_of(":/", host_start);
  if (at == std::string_view::npos) return std::nullopt;  // no path
  plain.host = url.substr(host_start, at - host_start);
  if (!plain_dns_name(plain.host) && !canonical_ipv4(plain.host)) return std::nullopt;
  plain.port = read_port(url, at, plain.scheme == "https" ? 443 : 80);
  if (plain.port < 0 || at >= url.size() || url[at] != '/') return std::nullopt;
  plain.path = url.substr(at);
  if (!plain_path(plain.path)) return std::nullopt;
  return plain;
}

}  // namespace tagdrift::crawler
