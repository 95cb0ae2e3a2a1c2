// The machine-readable report (schema in docs/report-json.md).
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>

#include "scan/scan.h"

namespace tagdrift::report {

nlohmann::json to_json(const scan::ScanResult& result);
void render_json(const scan::ScanResult& result, std::ostream& out);

}  // namespace tagdrift::report
