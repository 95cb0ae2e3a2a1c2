// The compiled form of the signatures' [[signature.network]] tables: for a request's host and
// path, the vendor beacon pattern it fits. Const and thread-safe after construction.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "detectors/signature.h"

namespace re2 {
class RE2;
}

namespace tagdrift::detectors {

// One network pattern that fits a request's host and path.
struct NetworkHit {
  std::size_t signature = 0;  // index into the signature list the patterns were built from
  const NetworkPattern* pattern = nullptr;
  bool has_path_id = false;  // the path regex captured an ID...
  std::string path_id;       // ...this one, as written
};

class NetworkPatterns {
 public:
  // Compiles every path and enhanced-match regex; each that does not compile adds one
  // "<file>:<line>: signature '<id>': network '<regex>': <error>" line to `errors`.
  NetworkPatterns(const std::vector<Signature>& signatures,
                  const std::vector<AllowedHosts>& allowed, std::vector<std::string>& errors);
  ~NetworkPatterns();
  NetworkPatterns(const NetworkPatterns&) = delete;
  NetworkPatterns& operator=(const NetworkPatterns&) = delete;

  // Every pattern whose hosts hold `host` (lower case) and whose path regex finds `path`, in
  // signature and file order.
  std::vector<NetworkHit> find(std::string_view host, std::string_view path) const;

  // Group 1 of the first of the pattern's enhanced-match regexes that fully matches `name`.
  std::string enhanced_match_field(const NetworkHit& hit, std::string_view name) const;

  // True for a request to a host a signature names (in `hosts` or a network pattern) or an
  // allowed host: never an unknown third party.
  bool known_host(std::string_view url, std::string_view host) const;

 private:
  struct Compiled;
  template <typename Fail>
  static std::optional<Compiled> compile(const NetworkPattern& pattern, Fail fail);

  std::vector<Compiled> compiled_;
  std::vector<std::string> vendor_hosts_;
  std::vector<std::string> allowed_hosts_;
};

}  // namespace tagdrift::detectors
