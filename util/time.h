// Wall-clock time as the reports and the history write it.
#pragma once

#include <string>

namespace tagdrift {

// The current UTC time as "2026-11-26T14:53:53Z".
std::string utc_now_iso8601();

}  // namespace tagdrift
