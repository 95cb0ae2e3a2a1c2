// A CA bundle made trustable by Chromium without a certificate database: the base64 SHA-256 of
// each certificate's SubjectPublicKeyInfo, for --ignore-certificate-errors-spki-list.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace tagdrift::browser {

// One hash per PEM certificate in `bundle`, in file order. Throws tagdrift::Error (exit 2)
// naming the file when it cannot be read or holds no certificate.
std::vector<std::string> spki_hashes(const std::filesystem::path& bundle);

}  // namespace tagdrift::browser
