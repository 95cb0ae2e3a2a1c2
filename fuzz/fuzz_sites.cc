// Fuzzes fleet sites files: TOML parsing and every key's checks (URLs, patterns, names). A bad
// file may only end in tagdrift::Error.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fleet/sites_file.h"
#include "util/error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    // A folder with no directories in it: directory targets are refused, URLs checked.
    tagdrift::fleet::parse_sites(text, "fuzz-sites.toml", "/nonexistent-tagdrift-fuzz");
  } catch (const tagdrift::Error&) {
  }
  return 0;
}
