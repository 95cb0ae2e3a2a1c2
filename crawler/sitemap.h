// Sitemaps (sitemaps.org): the page URLs of a <urlset>, the child sitemaps of a <sitemapindex>,
// or a plain list of URLs; gzipped or not. Streaming and bounded; entities are never expanded.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tagdrift::crawler {

struct Sitemap {
  std::vector<std::string> pages;     // <urlset><url><loc>, trimmed, as written
  std::vector<std::string> sitemaps;  // <sitemapindex><sitemap><loc>, trimmed, as written
  std::string error;                  // empty when the whole body was read
};

// Reads a sitemap body. A gzipped body is inflated to at most `max_decompressed` bytes; at most
// `max_urls` locations are kept. Malformed XML yields what came before the fault plus `error`.
// The locations are not resolved or normalized: the caller does that and applies its scope.
Sitemap parse_sitemap(std::string_view body, std::size_t max_decompressed = 50u << 20,
                      std::size_t max_urls = 50000);

}  // namespace tagdrift::crawler
