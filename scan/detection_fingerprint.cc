#include "scan/detection_fingerprint.h"

#include <fmt/format.h>

#include "detectors/signature_set.h"
#include "util/sha256.h"
#include "util/version.h"

namespace tagdrift::scan {
namespace {

// What a stored sighting records. A scan that stored less (before sightings kept their container
// origin) is not reused: its pages would come back without what this build reports of them.
constexpr std::string_view kSightingRecord = "sighting with container origin";

// Each part is preceded by its length, so that no two different inputs read the same.
void add(std::string& into, std::string_view part) {
  into += fmt::format("{}:", part.size());
  into += part;
}

}  // namespace

std::string detection_fingerprint(const ScanOptions& options,
                                  const detectors::HealthLexicon& lexicon) {
  std::string input;
  add(input, version());
  add(input, kSightingRecord);
  auto sources = detectors::embedded_signature_sources();
  if (!options.signatures_dir.empty()) {
    auto extra = detectors::directory_signature_sources(options.signatures_dir);
    sources.insert(sources.end(), extra.begin(), extra.end());
  }
  for (const auto& source : sources) {
    add(input, source.name);
    add(input, source.text);
  }
  for (const auto& term : lexicon.terms()) {
    add(input, term.text);
    add(input, term.category);
    add(input, std::to_string(static_cast<int>(term.kind)));
  }
  add(input, std::to_string(options.crawl.max_links_per_page));
  add(input, std::to_string(options.crawl.max_script_bytes));
  return sha256_hex(input);
}

}  // namespace tagdrift::scan
