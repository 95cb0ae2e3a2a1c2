// Message digests of a byte string as lower-case hex (SHA-256, SHA-1, MD5, through OpenSSL): the
// spellings in which trackers send hashed personal data, so that a test value can be recognised.
#pragma once

#include <string>
#include <string_view>

namespace tagdrift {

enum class DigestKind { kSha256, kSha1, kMd5 };

std::string hex_digest(DigestKind kind, std::string_view bytes);

}  // namespace tagdrift
