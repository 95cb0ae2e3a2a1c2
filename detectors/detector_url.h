// The URL facts detection needs, through libcurl's URL API: a resource's host, and whether a
// host belongs to a list of hosts (a host or any subdomain of it).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tagdrift::detectors {

// Lower-case host of an absolute http(s) or protocol-relative URL; empty when there is none.
std::string url_host(std::string_view url);

// True when `host` is one of `hosts` or a subdomain of one ("www.youtube.com" in "youtube.com").
bool host_in(std::string_view host, const std::vector<std::string>& hosts);

}  // namespace tagdrift::detectors
