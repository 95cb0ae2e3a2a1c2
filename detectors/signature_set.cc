#include "detectors/signature_set.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "detectors/consent_accept.h"
#include "detectors/signature_embedded.h"
#include "detectors/signature_file.h"
#include "util/error.h"

namespace tagdrift::detectors {
namespace {

std::string base_name(const std::string& name) {
  return std::filesystem::path(name).filename().string();
}

// Sources with the same file name: the one from the directory wins.
std::vector<SignatureSource> merge_by_name(std::vector<SignatureSource> sources) {
  std::vector<SignatureSource> merged;
  for (SignatureSource& source : sources) {
    auto same = std::find_if(merged.begin(), merged.end(), [&](const SignatureSource& other) {
      return base_name(other.name) == base_name(source.name);
    });
    if (same == merged.end()) {
      merged.push_back(std::move(source));
    } else if (source.from_dir || !same->from_dir) {
      *same = std::move(source);
    }
  }
  return merged;
}

// A vendor defined in a --signatures file replaces that vendor's embedded signatures.
void drop_overridden_vendors(std::vector<Signature>& signatures,
                             const std::set<std::string>& dir_files) {
  std::set<std::string> dir_vendors;
  for (const Signature& sig : signatures) {
    if (dir_files.count(sig.file)) dir_vendors.insert(sig.vendor);
  }
  std::erase_if(signatures, [&](const Signature& sig) {
    return !dir_files.count(sig.file) && dir_vendors.count(sig.vendor);
  });
}

void check_unique_ids(const std::vector<Signature>& signatures, std::vector<std::string>& errors) {
  std::set<std::string> seen;
  for (const Signature& sig : signatures) {
    if (!seen.insert(sig.id).second) {
      errors.push_back(sig.file + ":" + std::to_string(sig.line) + ": signature '" + sig.id +
                       "': the same id is defined twice");
    }
  }
}

}  // namespace

std::vector<SignatureSource> embedded_signature_sources() {
  std::vector<SignatureSource> sources;
  for (std::size_t i = 0; i < kEmbeddedSignatureFileCount; ++i) {
    const EmbeddedFile& file = kEmbeddedSignatureFiles[i];
    sources.push_back(
        {file.name, std::string(reinterpret_cast<const char*>(file.data), file.size), false});
  }
  return sources;
}

std::vector<SignatureSource> directory_signature_sources(const std::string& dir) {
  std::error_code error;
  std::vector<std::filesystem::path> paths;
  for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
    if (entry.path().extension() == ".toml") paths.push_back(entry.path());
  }
  if (error) throw usage_error("cannot read signatures directory: " + dir + ": " + error.message());
  std::sort(paths.begin(), paths.end());
  std::vector<SignatureSource> sources;
  for (const auto& path : paths) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in) throw usage_error("cannot read signature file: " + path.string());
    sources.push_back({path.string(), text.str(), true});
  }
  return sources;
}

SignatureSet::SignatureSet(const std::string& dir, std::size_t max_mem) {
  std::vector<SignatureSource> sources = embedded_signature_sources();
  if (!dir.empty()) {
    std::vector<SignatureSource> more = directory_signature_sources(dir);
    sources.insert(sources.end(), more.begin(), more.end());
  }
  std::vector<std::string> errors;
  load(std::move(sources), max_mem, errors);
  if (!errors.empty()) throw usage_error(errors.front());
}

SignatureSet::SignatureSet(std::vector<SignatureSource> sources, std::size_t max_mem,
                           std::vector<std::string>& errors) {
  load(std::move(sources), max_mem, errors);
}

void SignatureSet::load(std::vector<SignatureSource> sources, std::size_t max_mem,
                        std::vector<std::string>& errors) {
  std::set<std::string> dir_files;
  for (const SignatureSource& source : merge_by_name(std::move(sources))) {
    SignatureFile file = parse_signature_file(source.name, source.text, errors);
    if (source.from_dir) dir_files.insert(source.name);
    for (Signature& sig : file.signatures) signatures_.push_back(std::move(sig));
    for (AllowedHosts& allowed : file.allowed) allowed_.push_back(std::move(allowed));
    for (ConsentAccept& accept : file.accepts) accepts_.push_back(std::move(accept));
  }
  drop_overridden_vendors(signatures_, dir_files);
  check_unique_ids(signatures_, errors);
  matcher_ = std::make_unique<MatchSet>(signatures_, max_mem, errors);
  network_ = std::make_unique<NetworkPatterns>(signatures_, allowed_, errors);
  for (const ConsentAccept& accept : accepts_) {
    std::vector<std::string> problems = check_consent_accept(accept);
    errors.insert(errors.end(), problems.begin(), problems.end());
  }
}

std::vector<SignatureSummary> SignatureSet::summaries() const {
  std::vector<SignatureSummary> out;
  for (const Signature& sig : signatures_) {
    SignatureSummary summary{sig.id, sig.vendor, sig.product, category_name(sig.category), {}};
    std::vector<PlaceKind> kinds;
    for (const Pattern& pattern : sig.patterns) {
      kinds.insert(kinds.end(), pattern.places.begin(), pattern.places.end());
    }
    if (!sig.network.empty()) kinds.push_back(PlaceKind::kNetwork);
    std::sort(kinds.begin(), kinds.end());
    kinds.erase(std::unique(kinds.begin(), kinds.end()), kinds.end());
    for (PlaceKind kind : kinds) summary.places.push_back(place_kind_name(kind));
    out.push_back(std::move(summary));
  }
  return out;
}

std::vector<SignatureSummary> list_signatures(const std::string& dir) {
  return SignatureSet(dir).summaries();
}

std::vector<std::string> signature_vendors(const std::string& dir) {
  std::vector<SignatureSource> sources = embedded_signature_sources();
  if (!dir.empty()) {
    std::vector<SignatureSource> more = directory_signature_sources(dir);
    sources.insert(sources.end(), more.begin(), more.end());
  }
  std::vector<std::string> errors;
  std::set<std::string> vendors;
  for (const SignatureSource& source : merge_by_name(std::move(sources))) {
    for (const Signature& sig : parse_signature_file(source.name, source.text, errors).signatures) {
      vendors.insert(sig.vendor);
    }
  }
  if (!errors.empty()) throw usage_error(errors.front());
  return {vendors.begin(), vendors.end()};
}

}  // namespace tagdrift::detectors
