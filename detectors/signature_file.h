// Reads one signature file (TOML text) into plain Signature and AllowedHosts values. Problems are
// collected as one-line messages ("<file>:<line>: ..."), so `signatures check` can list them all.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "detectors/signature.h"

namespace tagdrift::detectors {

struct SignatureFile {
  std::string name;  // file name as given ("pinterest.toml")
  std::vector<Signature> signatures;
  std::vector<AllowedHosts> allowed;
  std::vector<ConsentAccept> accepts;  // [[accept]]: a consent manager's accept controls
};

// Parses `text`, naming it `name` in messages. A signature with a problem is left out and each
// problem is appended to `errors`. Regexes are not compiled here (SignatureSet does that).
SignatureFile parse_signature_file(std::string_view name, std::string_view text,
                                   std::vector<std::string>& errors);

}  // namespace tagdrift::detectors
