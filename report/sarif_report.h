// The report as SARIF 2.1.0, for code-scanning dashboards: one rule per signature, one result
// per finding located on the pages that carry it.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>

#include "drift/report_model.h"

namespace tagdrift::report {

inline constexpr const char* kSarifSchema =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

nlohmann::json to_sarif(const drift::Report& report);
// to_sarif(report) indented, invalid UTF-8 replaced by U+FFFD rather than thrown on. Written as
// it goes, one location at a time, never held whole.
void render_sarif(const drift::Report& report, std::ostream& out);

}  // namespace tagdrift::report
