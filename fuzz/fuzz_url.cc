// Fuzzes URL resolution and normalization. The input is "base\nhref"; without a newline it is
// an href against a fixed base. Checks the promises url.h makes: normalization is idempotent, its
// output splits into parts, and the fast path for URLs already in normal form agrees with libcurl.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "crawler/url.h"

// A broken promise is a crash, with the promise and the values printed.
#define CHECK_PROMISE(condition, ...)                                                       \
  do {                                                                                      \
    if (!(condition)) {                                                                     \
      std::fprintf(stderr, "broken promise: %s\n", #condition);                             \
      for (std::string_view value : std::initializer_list<std::string_view>{__VA_ARGS__}) { \
        std::fprintf(stderr, "  [%.*s]\n", int(value.size()), value.data());                \
      }                                                                                     \
      std::abort();                                                                         \
    }                                                                                       \
  } while (false)

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
  CHECK_PROMISE(normalize_percent_encoding(encoded) == encoded, input, encoded);
  is_tracking_parameter(href);
  origin_of(input);
  const std::optional<std::string> normal = normalize_url(input);
  const std::optional<std::string> reference = normalize_url_by_libcurl(input);
  CHECK_PROMISE(normal == reference, input, normal ? std::string_view(*normal) : "(none)",
                reference ? std::string_view(*reference) : "(none)");
  const std::optional<UrlParts> parts = split_url(input);
  const std::optional<UrlParts> reference_parts = split_url_by_libcurl(input);
  CHECK_PROMISE(parts.has_value() == reference_parts.has_value(), input);
  if (parts) {
    CHECK_PROMISE(
        parts->scheme == reference_parts->scheme && parts->host == reference_parts->host &&
            parts->path == reference_parts->path && parts->query == reference_parts->query &&
            parts->port == reference_parts->port,
        input, parts->host, reference_parts->host, parts->path, reference_parts->path);
  }

  std::optional<std::string> resolved = resolve_url(base, href);
  if (resolved) {
    std::optional<std::string> again = normalize_url(*resolved);
    CHECK_PROMISE(again.has_value() && *again == *resolved, base, href, *resolved,
                  again ? std::string_view(*again) : "(none)");
    CHECK_PROMISE(split_url(*resolved).has_value(), *resolved);
    CHECK_PROMISE(!origin_of(*resolved).empty(), *resolved);
  }
  return 0;
}
