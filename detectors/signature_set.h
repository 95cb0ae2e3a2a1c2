// The signatures a scan uses: the files built into the binary plus an optional --signatures DIR
// whose files add vendors or replace embedded files (same file name) and vendors (same key).
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "detectors/match_set.h"
#include "detectors/network_patterns.h"
#include "detectors/signature.h"

namespace tagdrift::detectors {

// A signature file's name and text, from the binary or from disk.
struct SignatureSource {
  std::string name;  // "pinterest.toml", or the path for a file from --signatures
  std::string text;
  bool from_dir = false;
};

// What `tagdrift signatures list` prints, one per signature.
struct SignatureSummary {
  std::string id, vendor, product, category;
  std::vector<std::string> places;  // place kind names its patterns apply to, in kind order
};

// The embedded files, and the *.toml files of `dir` (throws Error(kUsage) when unreadable).
std::vector<SignatureSource> embedded_signature_sources();
std::vector<SignatureSource> directory_signature_sources(const std::string& dir);

class SignatureSet {
 public:
  // Embedded signatures, overridden and extended by `dir` when it is not empty. Throws
  // Error(kUsage, "<file>:<line>: ...") for the first problem of any file: bad TOML, a missing
  // field, a pattern RE2 rejects.
  explicit SignatureSet(const std::string& dir = "", std::size_t max_mem = kDefaultRegexMemory);

  // From the given sources only (tests, `signatures check`): problems go to `errors` instead of
  // being thrown, and the faulty signatures are left out.
  SignatureSet(std::vector<SignatureSource> sources, std::size_t max_mem,
               std::vector<std::string>& errors);

  const std::vector<Signature>& signatures() const { return signatures_; }
  const std::vector<AllowedHosts>& allowed() const { return allowed_; }
  const MatchSet& matcher() const { return *matcher_; }
  const NetworkPatterns& network() const { return *network_; }
  // The consent managers' accept controls ([[accept]] in their files), in file order.
  const std::vector<ConsentAccept>& consent_accepts() const { return accepts_; }

  std::vector<SignatureSummary> summaries() const;

 private:
  void load(std::vector<SignatureSource> sources, std::size_t max_mem,
            std::vector<std::string>& errors);

  std::vector<Signature> signatures_;
  std::vector<AllowedHosts> allowed_;
  std::unique_ptr<MatchSet> matcher_;
  std::unique_ptr<NetworkPatterns> network_;
  std::vector<ConsentAccept> accepts_;
};

// The vendor ids of the embedded signatures plus `dir` (may be empty), sorted, each once: what
// a policy file may name. Reads the files without compiling a pattern; throws as SignatureSet
// does for the first problem of any file.
std::vector<std::string> signature_vendors(const std::string& dir = "");

// `tagdrift signatures list`: the signatures of the embedded set plus `dir` (may be empty).
std::vector<SignatureSummary> list_signatures(const std::string& dir = "");

}  // namespace tagdrift::detectors
