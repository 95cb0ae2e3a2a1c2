#include "util/domain.h"

#include <libpsl.h>

namespace tagdrift {

std::string registrable_domain(std::string_view host) {
  std::string name(host);
  // The built-in list is compiled into libpsl; the system file is newer when present.
  static const psl_ctx_t* const kPsl = [] {
    const psl_ctx_t* latest = psl_latest(nullptr);
    return latest != nullptr ? latest : psl_builtin();
  }();
  const char* domain = psl_registrable_domain(kPsl, name.c_str());
  return domain != nullptr ? std::string(domain) : name;
}

bool same_site(std::string_view host_a, std::string_view host_b) {
  return host_a == host_b || registrable_domain(host_a) == registrable_domain(host_b);
}

}  // namespace tagdrift
