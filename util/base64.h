// Standard base64 (RFC 4648, with '=' padding) of a byte string, through OpenSSL.
#pragma once

#include <string>
#include <string_view>

namespace tagdrift {

std::string base64_encode(std::string_view bytes);

}  // namespace tagdrift
