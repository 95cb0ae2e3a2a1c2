// The scan's network flags, written as libcurl takes them, mapped onto the browser: --resolve and
// --connect-to as host resolver rules, --header as extra headers, --cookie as cookies.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace tagdrift::browser {

// "MAP host:port addr:port" rules from --resolve HOST:PORT:ADDR and --connect-to
// HOST:PORT:CONNECT-HOST:CONNECT-PORT (an empty HOST is any host; an empty connect host or port
// keeps the original). Throws tagdrift::Error (exit 2) naming a malformed flag.
std::vector<std::string> host_resolver_rules(const std::vector<std::string>& resolve,
                                             const std::vector<std::string>& connect_to);

// "Name: value" headers as DevTools takes them. Throws tagdrift::Error for one without a colon.
std::map<std::string, std::string> header_map(const std::vector<std::string>& headers);

// "a=1; b=2" cookie strings as name and value pairs. Throws tagdrift::Error for a pair without
// "=" or a name.
std::vector<std::pair<std::string, std::string>> cookie_pairs(
    const std::vector<std::string>& cookies);

}  // namespace tagdrift::browser
