// What a scan records of how it was told to run (scope, limits, politeness, detection inputs),
// stored with the scan as JSON (ScanRecord::options_json) so that a report, even years later,
// can say which flags shaped it. Secrets never go in: staging headers, cookies, credentials and a
// proxy are recorded only as being set.
#pragma once

#include <string>

#include "scan/scan.h"

namespace tagdrift::scan {

std::string scan_settings_json(const ScanOptions& options);

}  // namespace tagdrift::scan
