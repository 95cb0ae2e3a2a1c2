// Turns a src/href as written into an absolute URL good enough for matching tag signatures
// (scheme, host, path, query). It is not for fetching: the crawler's resolve_url() is.
#pragma once

#include <string>
#include <string_view>

namespace tagdrift::detectors {

// Resolves `href` (absolute, protocol-relative "//host/x", root-relative "/x", path-relative
// "x", "../x", "?q" or "#f") against the absolute `base`. Surrounding whitespace and embedded
// tabs and line breaks are dropped as browsers do; scheme and host are lower-cased. Template
// placeholders ("{{ id }}", "<?php echo $x ?>") are kept as text. With no usable base, a
// relative href comes back as written and a protocol-relative one gets "https:".
std::string url_for_matching(std::string_view base, std::string_view href);

}  // namespace tagdrift::detectors
