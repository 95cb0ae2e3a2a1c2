// --notify URL: posts the notification of a scan (notification.h) to a webhook.
// A failure to notify is reported, never fatal to the scan.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "scan/notification.h"

namespace tagdrift::scan {

// POSTs `body` as application/json, with User-Agent tagdrift/VERSION, to an http(s) `url`. Returns
// an empty string on success, else what went wrong (one line, without the URL's credentials or
// query).
std::string post_json(const std::string& url, const nlohmann::json& body, long timeout_ms = 10000);

}  // namespace tagdrift::scan
