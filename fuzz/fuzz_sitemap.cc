// Fuzzes the sitemap reader (urlset, sitemapindex, plain text, gzip) with small budgets so a
// long run stays fast.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "crawler/sitemap.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view body(reinterpret_cast<const char*>(data), size);
  tagdrift::crawler::parse_sitemap(body, 1u << 20, 1000);
  return 0;
}
