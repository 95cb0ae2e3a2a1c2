// A visit as JSON and back, so that the history can keep what the browser observed as one value
// per page and a later report read it exactly as the scan saw it.
#pragma once

#include <nlohmann/json.hpp>

#include "browser/visit_result.h"

namespace tagdrift::browser {

nlohmann::json visit_to_json(const VisitResult& visit);
// The inverse of visit_to_json; fields that are missing or of the wrong type are left empty, so a
// record written by an older version still reads.
VisitResult visit_from_json(const nlohmann::json& json);

}  // namespace tagdrift::browser
