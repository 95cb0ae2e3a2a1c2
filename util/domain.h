// Registrable domains ("eTLD+1") from the public suffix list, via libpsl.
#pragma once

#include <string>
#include <string_view>

namespace tagdrift {

// The registrable domain of a lower-case host ("www.clinic.co.uk" -> "clinic.co.uk"). An IP
// address, "localhost" or a bare public suffix is returned unchanged.
std::string registrable_domain(std::string_view host);

// True when both hosts share a registrable domain.
bool same_site(std::string_view host_a, std::string_view host_b);

}  // namespace tagdrift
