#include "crawler/origin_map.h"

#include <fmt/core.h>

#include "crawler/url.h"
#include "util/error.h"

namespace tagdrift::crawler {
namespace {

Error bad_entry(const std::string& entry, std::string_view why) {
  return usage_error(fmt::format("bad --map-origin '{}': {}", entry, why));
}

// "https://www.site.example" (or with a trailing "/") as its origin; nothing for anything else.
std::optional<std::string> origin_only(std::string_view text) {
  if (text.find_first_of("?#@") != std::string_view::npos) return std::nullopt;
  const std::optional<std::string> url = normalize_url(text);
  if (!url) return std::nullopt;
  std::string origin = origin_of(*url);
  if (origin.empty() || *url != origin + "/") return std::nullopt;
  return origin;
}

}  // namespace

OriginMap::OriginMap(const std::vector<std::string>& entries, const Scope& scope) {
  for (const std::string& entry : entries) {
    const std::size_t equals = entry.find('=');
    if (equals == std::string::npos || entry.find('=', equals + 1) != std::string::npos) {
      throw bad_entry(entry, "expected FROM=TO");
    }
    const auto from = origin_only(std::string_view(entry).substr(0, equals));
    const auto to = origin_only(std::string_view(entry).substr(equals + 1));
    if (!from || !to) throw bad_entry(entry, "FROM and TO must be http(s) origins with no path");
    if (*from == *to) throw bad_entry(entry, "FROM and TO are the same origin");
    Scope::Verdict verdict = scope.judge(*to + "/");
    if (verdict == Scope::Verdict::kSiblingHost || verdict == Scope::Verdict::kOtherSite) {
      throw bad_entry(entry, "TO is not a host of a URL target (see --scope)");
    }
    for (const auto& [known_from, known_to] : pairs_) {
      if (known_from == *from) throw bad_entry(entry, "FROM is already mapped");
      if (known_from == *to || known_to == *from) throw bad_entry(entry, "mappings may not chain");
    }
    pairs_.emplace_back(*from, *to);
  }
}

std::optional<std::string> OriginMap::map(std::string_view normalized_url) const {
  if (pairs_.empty()) return std::nullopt;
  for (const auto& [from, to] : pairs_) {
    // The origin must end where the URL's path begins: https://a.example is not a prefix-match
    // for https://a.example.evil.test/ or https://a.example:8443/.
    if (normalized_url.size() > from.size() && normalized_url.compare(0, from.size(), from) == 0 &&
        normalized_url[from.size()] == '/') {
      return to + std::string(normalized_url.substr(from.size()));
    }
  }
  return std::nullopt;
}

}  // namespace tagdrift::crawler
