// SHA-256 of a byte string as lower-case hex: how the history recognises a page or script body,
// or a page's extracted links, that has not changed since the last scan.
#pragma once

#include <string>
#include <string_view>

namespace tagdrift {

std::string sha256_hex(std::string_view bytes);

// The same digest in base64, as a Content-Security-Policy source names an inline script or
// style ('sha256-<base64>').
std::string sha256_base64(std::string_view bytes);

}  // namespace tagdrift
