// `tagdrift signatures check`: compile every pattern and run every example of every signature
// file, reporting each failure as one line instead of stopping at the first.
#pragma once

#include <string>
#include <vector>

#include "detectors/signature_set.h"

namespace tagdrift::detectors {

// The embedded files plus `dir` (may be empty). Empty result: everything compiles and every
// example finds what it says. Throws Error(kUsage) only when `dir` cannot be read.
std::vector<std::string> check_signatures(const std::string& dir = "");

// Runs the examples of every signature in `set` through a Detector, one single-place page each.
std::vector<std::string> check_examples(const SignatureSet& set);

}  // namespace tagdrift::detectors
