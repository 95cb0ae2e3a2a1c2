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

// Like host_in for the host of `url`, where an entry "host/path" also requires the URL's path to
// start with "/path" ("www.google.com/maps").
bool url_in(std::string_view url, const std::vector<std::string>& entries);

}  // namespace tagdrift::detectors
