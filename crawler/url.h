// URL resolution and normalization (through libcurl's URL API) so that one page has one spelling:
// the crawler de-duplicates, scopes and stores URLs only in this form.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace tagdrift::crawler {

inline constexpr std::size_t kDefaultMaxUrlLength = 2048;

// Resolves `href` (absolute, protocol-relative or relative, as written in HTML; surrounding
// whitespace is ignored) against the absolute `base` and normalizes the result. Nothing for
// anything but http(s), malformed input, or a URL (or href) longer than `max_length`.
std::optional<std::string> resolve_url(std::string_view base, std::string_view href,
                                       std::size_t max_length = kDefaultMaxUrlLength);

// The normal form of an absolute http(s) URL: lower-case scheme and host (punycode when the
// process locale lets libcurl convert IDNs), no default port, no user:password, no fragment,
// no dot segments, "/" for an empty path, percent-encoding normalized (upper-case hex, unreserved
// characters decoded, unsafe bytes encoded), tracking parameters (utm_*, gclid, fbclid, ...) and
// empty parameters removed, the remaining query order kept. Nothing when it cannot be.
std::optional<std::string> normalize_url(std::string_view absolute_url,
                                         std::size_t max_length = kDefaultMaxUrlLength);

// Upper-cases %XX escapes, decodes escaped unreserved characters (A-Z a-z 0-9 - . _ ~), escapes
// a stray '%' and the bytes that may not appear raw in a path or query (controls, space,
// non-ASCII, "<>`{}|\^). Idempotent. robots.txt rules use it to compare paths like URLs do.
std::string normalize_percent_encoding(std::string_view text);

// True for a query parameter name that only tracks campaigns or clicks (case-insensitive).
bool is_tracking_parameter(std::string_view name);

struct UrlParts {
  std::string scheme;  // "http" or "https"
  std::string host;    // lower case; IPv6 in brackets
  std::string path;    // starts with "/"
  std::string query;   // without the "?"; empty when there is none
  int port = 0;        // explicit or the scheme's default
};

// The parts of an http(s) URL (normally one normalize_url returned).
std::optional<UrlParts> split_url(std::string_view normalized_url);

// normalize_url and split_url without their fast path for URLs already in normal form
// (plain_url.h): the reference that tests and fuzz_url check the fast path against.
std::optional<std::string> normalize_url_by_libcurl(std::string_view absolute_url,
                                                    std::size_t max_length = kDefaultMaxUrlLength);
std::optional<UrlParts> split_url_by_libcurl(std::string_view normalized_url);

// "scheme://host" plus ":port" when it is not the default; empty when `url` is not http(s).
std::string origin_of(std::string_view url);

}  // namespace tagdrift::crawler
