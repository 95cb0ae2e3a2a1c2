#include "crawler/url.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <cstring>
#include <memory>

#include "crawler/plain_url.h"
#include "util/ascii.h"
#include "util/curl_url.h"

namespace tagdrift::crawler {
namespace {

constexpr char kHexDigits[] = "0123456789ABCDEF";

// Parameters that only identify a campaign, a click or a mail recipient: two links that differ
// in them lead to the same page, so they are dropped to de-duplicate.
constexpr std::string_view kTrackingParameters[] = {
    "gclid",    "gclsrc",        "dclid",   "gbraid",      "wbraid",     "fbclid",
    "msclkid",  "mc_cid",        "mc_eid",  "_ga",         "_gl",        "yclid",
    "igshid",   "twclid",        "ttclid",  "li_fat_id",   "epik",       "_hsenc",
    "_hsmi",    "hsctatracking", "mkt_tok", "oly_anon_id", "oly_enc_id", "vero_id",
    "wickedid", "rb_clickid",    "s_cid",   "sccid",       "irclickid",  "_kx",
};

enum ByteClass : unsigned char { kKeep, kPercent, kAlwaysEscape, kUnsafe };

// What append_normalized does with each byte: controls and space are always escaped (libcurl
// rejects them raw), non-ASCII and "<>`{}|\^ only in a parsed path or query.
constexpr std::array<unsigned char, 256> kByteClasses = [] {
  std::array<unsigned char, 256> classes{};
  for (int c = 0; c < 256; ++c) {
    if (c <= 0x20 || c == 0x7f) {
      classes[c] = kAlwaysEscape;
    } else if (c >= 0x80 || std::string_view("\"<>`{}|\\^").find(static_cast<char>(c)) !=
                                std::string_view::npos) {
      classes[c] = kUnsafe;
    }
  }
  classes['%'] = kPercent;
  return classes;
}();

void append_escape(std::string& out, unsigned char c) {
  const char escape[3] = {'%', kHexDigits[c >> 4], kHexDigits[c & 0xf]};
  out.append(escape, 3);
}

// Appends the normal form of the '%' at in[at]; returns how many bytes after it were used.
std::size_t append_percent(std::string_view in, std::size_t at, std::string& out) {
  const int high = at + 2 < in.size() ? hex_digit_value(in[at + 1]) : -1;
  const int low = high >= 0 ? hex_digit_value(in[at + 2]) : -1;
  if (low < 0) {
    out += "%25";
    return 0;
  }
  const auto decoded = static_cast<unsigned char>(high * 16 + low);
  if (is_unreserved(decoded)) {
    out += static_cast<char>(decoded);
  } else {
    append_escape(out, decoded);
  }
  return 2;
}

// The escaping rules of normalize_percent_encoding. Before parsing (`escape_unsafe` false) only
// what libcurl would reject is escaped, so that non-ASCII host names reach its IDN conversion.
void append_normalized(std::string_view in, bool escape_unsafe, std::string& out) {
  std::size_t run = 0;  // start of the bytes still to copy as they are
  for (std::size_t i = 0; i < in.size(); ++i) {
    const auto c = static_cast<unsigned char>(in[i]);
    const unsigned char kind = kByteClasses[c];
    if (kind == kKeep || (kind == kUnsafe && !escape_unsafe)) continue;
    out.append(in.data() + run, i - run);
    if (kind == kPercent) {
      i += append_percent(in, i, out);
    } else {
      append_escape(out, c);
    }
    run = i + 1;
  }
  out.append(in.data() + run, in.size() - run);
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && static_cast<unsigned char>(text.front()) <= 0x20) text.remove_prefix(1);
  while (!text.empty() && static_cast<unsigned char>(text.back()) <= 0x20) text.remove_suffix(1);
  return text;
}

// What a browser does to an href before parsing it: no surrounding whitespace, no tabs or line
// breaks anywhere, no fragment, '\' read as '/' before the query.
std::string clean_input(std::string_view href) {
  href = trim(href);
  href = href.substr(0, href.find('#'));
  std::string cleaned;
  cleaned.reserve(href.size() + 8);
  const auto plain = [](char c) { return c != '\t' && c != '\n' && c != '\r' && c != '\\'; };
  if (std::all_of(href.begin(), href.end(), plain)) {
    append_normalized(href, false, cleaned);
    return cleaned;
  }
  std::string joined;
  joined.reserve(href.size());
  bool in_query = false;
  for (char c : href) {
    if (c == '\t' || c == '\n' || c == '\r') continue;
    in_query = in_query || c == '?';
    joined += (c == '\\' && !in_query) ? '/' : c;
  }
  append_normalized(joined, false, cleaned);
  return cleaned;
}

void append_query(std::string_view raw, std::string& out) {
  std::string query;
  query.reserve(raw.size() + 8);
  append_normalized(raw, true, query);
  std::string_view rest = query;
  bool first = true;
  while (!rest.empty()) {
    const std::size_t amp = rest.find('&');
    const std::string_view param = rest.substr(0, amp);
    rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
    if (param.empty() || is_tracking_parameter(param.substr(0, param.find('=')))) continue;
    out += first ? '?' : '&';
    out += param;
    first = false;
  }
}

std::optional<std::string> build_normalized(CURLU* url, std::size_t max_length) {
  const CurlText scheme = url_part(url, CURLUPART_SCHEME);
  if (!scheme) return std::nullopt;
  const std::string_view scheme_text = scheme.get();
  if (scheme_text != "http" && scheme_text != "https") return std::nullopt;
  CurlText host = url_part(url, CURLUPART_HOST, CURLU_PUNYCODE);
  if (!host) host = url_part(url, CURLUPART_HOST);
  // libcurl lets an escaped host through; no real host has one (an IPv6 zone is bracketed). It
  // also decodes an escaped DEL into the host, which it would then refuse to parse again.
  if (!host || *host == '\0' || (*host != '[' && std::strchr(host.get(), '%') != nullptr) ||
      std::strchr(host.get(), '\x7f') != nullptr) {
    return std::nullopt;
  }
  const CurlText port = url_part(url, CURLUPART_PORT, CURLU_NO_DEFAULT_PORT);
  const CurlText path = url_part(url, CURLUPART_PATH);
  const CurlText query = url_part(url, CURLUPART_QUERY);

  std::string out;
  out.reserve(64 + (path ? std::char_traits<char>::length(path.get()) : 0));
  out += scheme_text;
  out += "://";
  for (const char* c = host.get(); *c != '\0'; ++c) out += ascii_lower(*c);
  if (port) {
    out += ':';
    out += port.get();
  }
  if (!path || *path != '/') out += '/';
  if (path) append_normalized(path.get(), true, out);
  if (query) append_query(query.get(), out);
  if (out.size() > max_length) return std::nullopt;
  return out;
}

std::optional<std::string> parse_and_build(const std::string& absolute, std::size_t max_length) {
  const CurlUrl url = parse_curl_url(absolute);
  if (!url) return std::nullopt;
  return build_normalized(url.get(), max_length);
}

// A parsed base and the prefixes that most hrefs resolve by: libcurl resolves a relative
// reference by printing the base and parsing the joined string again, which costs four times
// what parsing "origin + href" costs.
struct Base {
  std::string text;       // as given, the cache key
  CurlUrl handle;         // for the references the prefixes cannot resolve
  std::string scheme;     // "https"
  std::string origin;     // "https://host:port", for "/path" references
  std::string directory;  // origin and the base path up to its last '/', for "path" references
  bool plain = false;     // origin and directory are already in normal form (see plain_path)
};

// "scheme://host[:port]" as build_normalized writes it: a lower-case ASCII name, IPv4 or
// bracketed IPv6 host; an escaped or internationalized host goes through libcurl.
bool plain_origin(std::string_view origin) {
  return std::all_of(origin.begin(), origin.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           std::string_view(".-:/[]").find(c) != std::string_view::npos;
  });
}

bool fill_base(std::string_view text, Base& base) {
  base.handle = parse_curl_url(clean_input(text));
  if (!base.handle) return false;
  const CurlText scheme = url_part(base.handle.get(), CURLUPART_SCHEME);
  const CurlText host = url_part(base.handle.get(), CURLUPART_HOST);
  const CurlText port = url_part(base.handle.get(), CURLUPART_PORT, CURLU_NO_DEFAULT_PORT);
  const CurlText path = url_part(base.handle.get(), CURLUPART_PATH);
  if (!scheme || !host || !path) return false;
  base.scheme = scheme.get();
  base.origin = base.scheme + "://" + host.get();
  if (port) base.origin.append(":").append(port.get());
  const std::string_view path_text = path.get();
  base.directory = base.origin;
  base.directory += path_text.substr(0, path_text.rfind('/') + 1);
  if (base.directory.size() == base.origin.size()) base.directory += '/';
  base.plain = plain_origin(base.origin) &&
               plain_path(std::string_view(base.directory).substr(base.origin.size()));
  base.text.assign(text);
  return true;
}

// Pages resolve some twenty links against the same base, so each thread keeps its last one.
const Base* parsed_base(std::string_view text) {
  thread_local Base cache;
  if (cache.handle && cache.text == text) return &cache;
  if (fill_base(text, cache)) return &cache;
  cache.handle.reset();
  return nullptr;
}

// RFC 3986 section 5.2.2 with the merge done by prefixing: a network-path reference takes the
// base scheme, an absolute path the base origin, and a relative path without a ':' (so without
// a scheme) the base directory. libcurl still parses the result and removes dot segments.
std::string absolute_by_prefix(const Base& base, const std::string& href) {
  if (href.starts_with("//")) return base.scheme + ":" + href;
  if (href.front() == '/') return base.origin + href;
  if (href.front() != '?' && href.find(':') == std::string::npos) return base.directory + href;
  return {};
}

}  // namespace

std::optional<std::string> resolve_url(std::string_view base, std::string_view href,
                                       std::size_t max_length) {
  if (trim(href).size() > max_length) return std::nullopt;
  const Base* parsed = parsed_base(base);
  if (parsed == nullptr) return std::nullopt;
  const std::string cleaned = clean_input(href);
  // An empty href (or a bare fragment) is the page itself.
  if (cleaned.empty()) return build_normalized(parsed->handle.get(), max_length);
  std::string absolute = absolute_by_prefix(*parsed, cleaned);
  // Most links of a site are plain paths: they need no parsing at all.
  if (parsed->plain && !cleaned.starts_with("//") && plain_path(cleaned)) {
    if (absolute.size() > max_length) return std::nullopt;
    return absolute;
  }
  if (!absolute.empty()) return parse_and_build(absolute, max_length);
  CurlUrl url(curl_url_dup(parsed->handle.get()));
  if (!url || curl_url_set(url.get(), CURLUPART_URL, cleaned.c_str(), 0) != CURLUE_OK) {
    return std::nullopt;
  }
  return build_normalized(url.get(), max_length);
}

std::optional<std::string> normalize_url(std::string_view absolute_url, std::size_t max_length) {
  if (absolute_url.size() <= max_length && read_plain_url(absolute_url)) {
    return std::string(absolute_url);
  }
  return normalize_url_by_libcurl(absolute_url, max_length);
}

std::optional<std::string> normalize_url_by_libcurl(std::string_view absolute_url,
                                                    std::size_t max_length) {
  if (trim(absolute_url).size() > max_length) return std::nullopt;
  return parse_and_build(clean_input(absolute_url), max_length);
}

std::string normalize_percent_encoding(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  append_normalized(text, true, out);
  return out;
}

bool is_tracking_parameter(std::string_view name) {
  if (name.size() >= 4 && iequals(name.substr(0, 4), "utm_")) return true;
  for (std::string_view known : kTrackingParameters) {
    if (iequals(name, known)) return true;
  }
  return false;
}

std::optional<UrlParts> split_url(std::string_view normalized_url) {
  const std::optional<PlainUrl> plain = read_plain_url(normalized_url);
  if (!plain) return split_url_by_libcurl(normalized_url);
  return UrlParts{std::string(plain->scheme), std::string(plain->host), std::string(plain->path),
                  "", plain->port};
}

std::optional<UrlParts> split_url_by_libcurl(std::string_view normalized_url) {
  const std::string text(normalized_url);
  const CurlUrl url = parse_curl_url(text);
  if (!url) return std::nullopt;
  const CurlText scheme = url_part(url.get(), CURLUPART_SCHEME);
  const CurlText host = url_part(url.get(), CURLUPART_HOST);
  const CurlText port = url_part(url.get(), CURLUPART_PORT, CURLU_DEFAULT_PORT);
  const CurlText path = url_part(url.get(), CURLUPART_PATH);
  const CurlText query = url_part(url.get(), CURLUPART_QUERY);
  if (!scheme || !host || !port || *host == '\0') return std::nullopt;
  UrlParts parts;
  parts.scheme = scheme.get();
  if (parts.scheme != "http" && parts.scheme != "https") return std::nullopt;
  for (const char* c = host.get(); *c != '\0'; ++c) parts.host += ascii_lower(*c);
  parts.port = std::atoi(port.get());
  parts.path = path ? path.get() : "/";
  if (query) parts.query = query.get();
  return parts;
}

std::string origin_of(std::string_view url) {
  const std::optional<UrlParts> parts = split_url(url);
  if (!parts) return {};
  std::string origin = parts->scheme + "://" + parts->host;
  const int default_port = parts->scheme == "https" ? 443 : 80;
  if (parts->port != default_port) origin += ":" + std::to_string(parts->port);
  return origin;
}

}  // namespace tagdrift::crawler
