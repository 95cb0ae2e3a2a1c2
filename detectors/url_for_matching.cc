#include "detectors/url_for_matching.h"

namespace tagdrift::detectors {
namespace {

struct UrlParts {
  std::string_view scheme;     // without ':'; empty when there is none
  std::string_view authority;  // between "//" and the path; empty when there is none
  std::string_view path;       // up to '?' or '#'
  std::string_view rest;       // "?query#fragment", either part optional
};

bool is_scheme_char(char c, bool first) {
  bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  if (first) return alpha;
  return alpha || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
}

std::string_view scheme_of(std::string_view url) {
  for (std::size_t i = 0; i < url.size(); ++i) {
    if (url[i] == ':') return i == 0 ? std::string_view{} : url.substr(0, i);
    if (!is_scheme_char(url[i], i == 0)) return {};
  }
  return {};
}

UrlParts split(std::string_view url) {
  UrlParts parts;
  parts.scheme = scheme_of(url);
  if (!parts.scheme.empty()) url.remove_prefix(parts.scheme.size() + 1);
  if (url.starts_with("//")) {
    url.remove_prefix(2);
    std::size_t end = url.find_first_of("/?#");
    if (end == std::string_view::npos) end = url.size();
    parts.authority = url.substr(0, end);
    url.remove_prefix(end);
  }
  std::size_t rest = url.find_first_of("?#");
  if (rest == std::string_view::npos) rest = url.size();
  parts.path = url.substr(0, rest);
  parts.rest = url.substr(rest);
  return parts;
}

void append_lower(std::string& out, std::string_view text) {
  for (char c : text) out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// Drops "." and ".." segments (RFC 3986 section 5.2.4) from an absolute path.
std::string remove_dot_segments(std::string_view path) {
  std::string out;
  std::size_t pos = 0;
  while (pos < path.size()) {
    std::size_t end = path.find('/', pos + 1);
    if (end == std::string_view::npos) end = path.size();
    std::string_view segment = path.substr(pos, end - pos);  // starts with '/'
    bool last = end == path.size();
    if (segment == "/.") {
      if (last) out += '/';
    } else if (segment == "/..") {
      std::size_t cut = out.rfind('/');
      out.resize(cut == std::string::npos ? 0 : cut);
      if (last) out += '/';
    } else {
      out += segment;
    }
    pos = end;
  }
  return out.empty() ? std::string("/") : out;
}

std::string clean(std::string_view href) {
  std::size_t begin = href.find_first_not_of(" \t\n\f\r");
  if (begin == std::string_view::npos) return {};
  std::size_t end = href.find_last_not_of(" \t\n\f\r");
  std::string out;
  out.reserve(end - begin + 1);
  for (char c : href.substr(begin, end - begin + 1)) {
    if (c != '\t' && c != '\n' && c != '\r') out += c;
  }
  return out;
}

std::string assemble(std::string_view scheme, std::string_view authority, std::string_view path,
                     std::string_view rest) {
  std::string out;
  out.reserve(scheme.size() + authority.size() + path.size() + rest.size() + 4);
  append_lower(out, scheme);
  out += "://";
  append_lower(out, authority);
  out += path;
  out += rest;
  return out;
}

std::string merge_relative(const UrlParts& base, std::string_view href) {
  if (href.starts_with('#'))
    return assemble(base.scheme, base.authority, base.path, "") +
           std::string(base.rest.substr(0, base.rest.find('#'))) + std::string(href);
  if (href.starts_with('?')) return assemble(base.scheme, base.authority, base.path, href);
  UrlParts ref = split(href);
  std::string path;
  if (ref.path.starts_with('/')) {
    path = std::string(ref.path);
  } else {
    std::string_view dir = base.path.substr(0, base.path.rfind('/') + 1);
    path = std::string(dir.empty() ? "/" : dir) + std::string(ref.path);
  }
  return assemble(base.scheme, base.authority, remove_dot_segments(path), ref.rest);
}

// True for an http(s) URL already in the form url_for_matching() gives: lower-case scheme and
// host, nothing to trim or drop. Most tag URLs are written this way.
bool is_plain_absolute(std::string_view href) {
  std::size_t host = href.starts_with("https://") ? 8 : href.starts_with("http://") ? 7 : 0;
  if (host == 0) return false;
  std::size_t host_end = href.find_first_of("/?#", host);
  for (std::size_t i = 0; i < href.size(); ++i) {
    char c = href[i];
    if (static_cast<unsigned char>(c) <= ' ') return false;
    if (i < host_end && c >= 'A' && c <= 'Z') return false;
  }
  return true;
}

}  // namespace

std::string url_for_matching(std::string_view base, std::string_view href) {
  if (is_plain_absolute(href)) return std::string(href);
  std::string cleaned = clean(href);
  UrlParts ref = split(cleaned);
  if (!ref.scheme.empty()) {
    if (!cleaned.substr(ref.scheme.size() + 1).starts_with("//")) return cleaned;
    return assemble(ref.scheme, ref.authority, ref.path, ref.rest);
  }
  UrlParts base_parts = split(base);
  bool usable_base = !base_parts.scheme.empty() && !base_parts.authority.empty();
  if (cleaned.starts_with("//")) {
    return assemble(usable_base ? base_parts.scheme : "https", ref.authority, ref.path, ref.rest);
  }
  if (!usable_base || cleaned.empty()) return usable_base ? std::string(base) : cleaned;
  return merge_relative(base_parts, cleaned);
}

}  // namespace tagdrift::detectors
