// --map-origin FROM=TO: URLs a staging site names on its production origin (in sitemaps,
// robots.txt Sitemap lines and links) crawled on the staging origin instead.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "crawler/scope.h"

namespace tagdrift::crawler {

class OriginMap {
 public:
  // Each entry is "FROM=TO", both http(s) origins (scheme, host, optional port) with no path,
  // query or fragment beyond a lone "/", TO on a host `scope` crawls (a misspelt TO would
  // otherwise drop every mapped URL). Throws a usage error naming the first bad entry, an origin
  // mapped twice or onto itself, and a chain (A=B with B=C).
  OriginMap(const std::vector<std::string>& entries, const Scope& scope);

  // `normalized_url` moved onto the TO origin when it lies on a FROM origin (scheme and port
  // included), else nothing. Safe from several threads.
  std::optional<std::string> map(std::string_view normalized_url) const;

  bool empty() const { return pairs_.empty(); }

 private:
  std::vector<std::pair<std::string, std::string>> pairs_;  // FROM origin, TO origin
};

}  // namespace tagdrift::crawler
