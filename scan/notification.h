// The message --notify posts: what a scan found that someone should hear about, as JSON (schema
// in docs/notify.schema.json) with a Slack-compatible "text" field.
#pragma once

#include <nlohmann/json.hpp>

#include "drift/report_model.h"

namespace tagdrift::scan {

// Version of the payload's shape; raised only when a change would break a reader.
inline constexpr int kNotificationSchemaVersion = 1;

// True when the report holds anything worth a notification: a scan that could not run, new or
// changed findings, removed or unverified tags, pages that vanished or broke, or a script newly
// not read in full (one unread in the previous scan too is not news).
bool worth_notifying(const drift::Report& report);

// The message: what failed, what is new or changed and how (each finding's change lines and
// container lines), the removed and unverified tags by key, unknown third parties by host, the
// scripts not read in full or read again, and the containers published at a new version.
nlohmann::json notification(const drift::Report& report);

}  // namespace tagdrift::scan
