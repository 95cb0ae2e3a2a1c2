// URLs already in the crawler's normal form, recognised without parsing. Most URLs a site links
// to are "http(s)://host[:port]/path" with nothing to normalize; libcurl's URL API parses each in
// some ten thousand instructions, which a crawl pays several times a page. What is not plainly in
// normal form here goes through libcurl, which stays the reference (tests and fuzz_url compare).
#pragma once

#include <optional>
#include <string_view>

namespace tagdrift::crawler {

// A-Z a-z 0-9 - . _ ~ (RFC 3986's unreserved characters).
bool is_unreserved(unsigned char c);

// A path of unreserved characters and '/' with no "." or ".." segment: what libcurl would parse
// and build again unchanged.
bool plain_path(std::string_view path);

struct PlainUrl {
  std::string_view scheme;  // "http" or "https"
  std::string_view host;    // lower-case DNS name or dotted-quad IPv4
  std::string_view path;    // starts with "/"
  int port = 0;             // explicit or the scheme's default
};

// The parts of `url` when it is already what normalize_url makes of it: lower-case scheme;
// a host that is a lower-case DNS name whose last label is letters (labels of letters, digits
// and inner hyphens) or a dotted-quad IPv4 address libcurl would write the same; no user; a port
// only when it is not the scheme's default; a plain path; no query and no fragment.
std::optional<PlainUrl> read_plain_url(std::string_view url);

}  // namespace tagdrift::crawler
