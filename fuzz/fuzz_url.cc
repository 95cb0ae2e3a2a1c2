// Fuzzes URL resolution and normalization. The input is "base\nhref"; without a newline it is
// an href against a fixed base. Checks the promises url.h makes: normalization is idempotent and
// its output splits into parts.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include "crawler/url.h"

namespace {

void check(bool condition) {
  if (!condition) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace tagdrift::crawler;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::string_view base = "https://www.example-clinic.test/a/b/index.html?x=1";
  std::string_view href = input;
  if (std::size_t newline = input.find('\n'); newline != std::string_view::npos) {
    base = input.substr(0, newline);
    href = input.substr(newline + 1);
  }

  std::string encoded = normalize_percent_encoding(input);
  check(normalize_percent_encoding(encoded) == encoded);
  is_tracking_parameter(href);
  origin_of(input);
  split_url(input);
  normalize_url(input);

  std::optional<std::string> resolved = resolve_url(base, href);
  if (resolved) {
    std::optional<std::string> again = normalize_url(*resolved);
    check(again.has_value() && *again == *resolved);
    check(split_url(*resolved).has_value());
    check(!origin_of(*resolved).empty());
  }
  return 0;
}
