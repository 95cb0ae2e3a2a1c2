// Each tag identity's presence across a site's scans, and the events between them: when it was
// first seen, removed (absent from a complete scan after being live), and reinstalled (live again
// after a removal). Pure functions of what storage::tag_presence reads.
#pragma once

#include <vector>

#include "drift/site_history.h"
#include "storage/tag_presence.h"

namespace tagdrift::drift {

// One timeline per tag, a cell per scan of `scans`: present when live in it, else absent, or not
// checked when the scan was incomplete.
std::vector<TagTimeline> tag_timelines(const std::vector<ScanPoint>& scans,
                                       const std::vector<storage::TagPresence>& tags);

// The events of `timelines` in scan order, then by key. A scan not checked changes nothing.
std::vector<HistoryEvent> history_events(const std::vector<ScanPoint>& scans,
                                         const std::vector<TagTimeline>& timelines);

}  // namespace tagdrift::drift
