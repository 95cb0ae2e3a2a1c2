// The machine-readable report, schema_version 1: documented in docs/report-json.md and checked
// by docs/report.schema.json. Field names are a contract; add fields, never rename them.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>

#include "drift/report_model.h"

namespace tagdrift::report {

inline constexpr int kJsonSchemaVersion = 1;

nlohmann::json to_json(const drift::Report& report);
// to_json(report) indented, invalid UTF-8 replaced by U+FFFD rather than thrown on. Written as
// it goes, one page or finding page at a time, never held whole.
void render_json(const drift::Report& report, std::ostream& out);

}  // namespace tagdrift::report
