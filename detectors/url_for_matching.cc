#include "detectors/url_for_matching.h"

#include <algorithm>
#include <array>
#include <optional>
#include <utility>
#include <vector>

#include "util/ascii.h"
#include "util/curl_url.h"

namespace tagdrift::detectors {
namespace {

// Template code a src/href may hold in a source file, opening and closing text.
constexpr std::array<std::pair<std::string_view, std::string_view>, 5> kPlaceholders{
    {{"{{", "}}"}, {"{%", "%}"}, {"<?", "?>"}, {"<%", "%>"}, {"${", "}"}}};

// A stand-in libcurl keeps as written wherever it stands (host, path, query or fragment).
std::string stand_in(std::size_t index) { return "tdph" + std::to_string(index) + "z"; }

// `href` with each placeholder replaced by a stand-in, and the placeholders in order. An
// unclosed placeholder runs to the end.
std::pair<std::string, std::vector<std::string>> mask_placeholders(std::string_view href) {
  std::string masked;
  std::vector<std::string> held;
  std::size_t pos = 0;
  while (pos < href.size()) {
    std::size_t open = href.find_first_of("{<$", pos);
    if (open == std::string_view::npos) break;
    auto kind = std::find_if(kPlaceholders.begin(), kPlaceholders.end(),
                             [&](const auto& p) { return href.substr(open).starts_with(p.first); });
    if (kind == kPlaceholders.end()) {
      masked.append(href.substr(pos, open + 1 - pos));
      pos = open + 1;
      continue;
    }
    std::size_t close = href.find(kind->second, open + kind->first.size());
    std::size_t end = close == std::string_view::npos ? href.size() : close + kind->second.size();
    masked.append(href.substr(pos, open - pos));
    masked += stand_in(held.size());
    held.emplace_back(href.substr(open, end - open));
    pos = end;
  }
  masked.append(href.substr(std::min(pos, href.size())));
  return {std::move(masked), std::move(held)};
}

std::string unmask(std::string url, const std::vector<std::string>& held) {
  for (std::size_t i = 0; i < held.size(); ++i) {
    const std::string token = stand_in(i);
    if (std::size_t at = url.find(token); at != std::string::npos)
      url.replace(at, token.size(), held[i]);
  }
  return url;
}

// Surrounding whitespace trimmed and tabs and line breaks inside dropped, as browsers do; other
// control bytes percent-encoded, since libcurl refuses them raw.
std::string clean(std::string_view href) {
  std::size_t begin = href.find_first_not_of(" \t\n\f\r");
  if (begin == std::string_view::npos) return {};
  std::size_t end = href.find_last_not_of(" \t\n\f\r");
  std::string out;
  out.reserve(end - begin + 1);
  for (char c : href.substr(begin, end - begin + 1)) {
    auto byte = static_cast<unsigned char>(c);
    if (c == '\t' || c == '\n' || c == '\r') continue;
    if (byte < 0x20 || byte == 0x7f) {
      constexpr std::string_view kHex = "0123456789ABCDEF";
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 0xf];
    } else {
      out += c;
    }
  }
  return out;
}

std::string_view scheme_of(std::string_view url) {
  for (std::size_t i = 0; i < url.size(); ++i) {
    if (url[i] == ':') return url.substr(0, i);
    bool ok =
        is_ascii_alpha(url[i]) ||
        (i > 0 && (is_ascii_digit(url[i]) || url[i] == '+' || url[i] == '-' || url[i] == '.'));
    if (!ok) return {};
  }
  return {};
}

// libcurl keeps the host's case as written; matching wants scheme and host in lower case.
std::string lower_scheme_and_host(std::string url) {
  std::size_t host = url.find("://");
  if (host == std::string::npos) return url;
  std::size_t end = url.find_first_of("/?#", host + 3);
  if (end == std::string::npos) end = url.size();
  for (std::size_t i = 0; i < end; ++i) url[i] = ascii_lower(url[i]);
  return url;
}

// `href` resolved by libcurl against `base`; nothing when libcurl refuses either.
std::optional<std::string> curl_resolve(std::string_view base, const std::string& href) {
  CurlUrl url = parse_curl_url(std::string(base));
  if (!url || curl_url_set(url.get(), CURLUPART_URL, href.c_str(), CURLU_ALLOW_SPACE) != CURLUE_OK)
    return std::nullopt;
  CurlText text = url_part(url.get(), CURLUPART_URL);
  if (!text) return std::nullopt;
  return std::string(text.get());
}

// True when `href` names a host and no path ("//cdn.example", "https://a.example?x"): libcurl
// then writes the root path "/", which the reference did not.
bool names_host_only(std::string_view href) {
  std::size_t authority = href.find("//");
  if (authority == std::string_view::npos || authority != href.find_first_of("/?#")) return false;
  std::size_t end = href.find_first_of("/?#", authority + 2);
  return end == std::string_view::npos || href[end] != '/';
}

std::string without_root_path(std::string url) {
  std::size_t host = url.find("://");
  std::size_t end = host == std::string::npos ? host : url.find_first_of("/?#", host + 3);
  if (end != std::string::npos && url[end] == '/' &&
      (end + 1 == url.size() || url[end + 1] == '?' || url[end + 1] == '#'))
    url.erase(end, 1);
  return url;
}

bool is_web_url(std::string_view url) {
  std::string_view scheme = scheme_of(url);
  return iequals(scheme, "http") || iequals(scheme, "https");
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
    if (i < host_end && is_ascii_upper(c)) return false;
  }
  return true;
}

}  // namespace

std::string url_for_matching(std::string_view base, std::string_view href) {
  if (is_plain_absolute(href)) return std::string(href);
  std::string cleaned = clean(href);
  std::string_view scheme = scheme_of(cleaned);
  if (!scheme.empty() && !is_web_url(cleaned)) return cleaned;
  const bool usable_base =
      is_web_url(base) && std::string_view(base).find("://") != std::string_view::npos;
  if (cleaned.empty()) return usable_base ? std::string(base) : cleaned;
  // libcurl drops the base's last segment for a fragment-only reference; a browser keeps the
  // base as it is but for its fragment.
  if (cleaned.starts_with('#') && usable_base)
    return lower_scheme_and_host(std::string(base.substr(0, base.find('#'))) + cleaned);
  if (scheme.empty() && !usable_base && !cleaned.starts_with("//")) return cleaned;
  auto [masked, held] = mask_placeholders(cleaned);
  std::string_view against = usable_base ? base : std::string_view("https://base.invalid/");
  std::optional<std::string> resolved = curl_resolve(against, masked);
  if (!resolved) return cleaned;
  std::string url = lower_scheme_and_host(std::move(*resolved));
  if (names_host_only(masked)) url = without_root_path(std::move(url));
  return unmask(std::move(url), held);
}

}  // namespace tagdrift::detectors
