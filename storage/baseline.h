// Which complete scans drift may compare later scans with. A scan whose new or changed tags
// failed the gate (--fail-on new) is none, so a re-run of the same job cannot pass by having
// turned them "known"; approving them, or removing them, is what passes it.
#pragma once

#include <cstdint>

#include "storage/database.h"

namespace tagdrift::storage {

// Takes scan `id` out of the baselines (History::last_baseline_scan skips it from now on).
void exclude_from_baseline(const Database& db, std::int64_t id);

}  // namespace tagdrift::storage
