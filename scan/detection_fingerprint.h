// A fingerprint of everything that decides what a page's analysis yields besides the page itself:
// the program's version, the signature files, the health lexicon and the extraction limits. A
// rescan reuses an earlier scan's results only when the fingerprints are equal.
#pragma once

#include <string>

#include "detectors/health_lexicon.h"
#include "scan/scan.h"

namespace tagdrift::scan {

std::string detection_fingerprint(const ScanOptions& options,
                                  const detectors::HealthLexicon& lexicon);

}  // namespace tagdrift::scan
