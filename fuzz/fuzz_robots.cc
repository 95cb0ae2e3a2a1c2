// Fuzzes the robots.txt parser and its matcher. The last line of the input doubles as a path to
// match, so rules and paths both come from the fuzzer.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "crawler/robots.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using tagdrift::crawler::Robots;
  std::string_view body(reinterpret_cast<const char*>(data), size);
  Robots robots = Robots::parse(body, "tagdrift");
  std::size_t newline = body.rfind('\n');
  std::string_view last = newline == std::string_view::npos ? body : body.substr(newline + 1);
  robots.allowed(last);
  for (std::string_view path : {"/", "/robots.txt", "/a/b?q=1", "/%7Euser/%e2%82%ac", "/x*$"}) {
    robots.allowed(path);
  }
  robots.crawl_delay();
  robots.sitemaps();
  return 0;
}
