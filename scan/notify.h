// --notify URL: posts a JSON summary of a scan's drift (with a Slack-compatible "text" field).
// A failure to notify is reported, never fatal to the scan.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "drift/report_model.h"

namespace tagdrift::scan {

// True when the report holds anything worth a notification: new or changed findings, removed
// tags, or pages that vanished or broke.
bool has_drift(const drift::Report& report);

// The message posted: {"text", "site", "scan_id", "new", "changed", "removed", "worst_severity",
// "findings": [{key, vendor, tag_id, status, severity, reason}]}.
nlohmann::json notification(const drift::Report& report);

// POSTs `body` as application/json to an http(s) `url`. Returns an empty string on success,
// else what went wrong (one line, without the URL's credentials or query).
std::string post_json(const std::string& url, const nlohmann::json& body, long timeout_ms = 10000);

}  // namespace tagdrift::scan
