// A site's history as a report draws it: findings per scan by severity, each tag identity's
// presence scan by scan, and the dated events (first seen, removed, reinstalled) between them.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "drift/report_model.h"
#include "storage/database.h"

namespace tagdrift::drift {

inline constexpr std::size_t kSeverityCount = 5;  // info ... critical, indexed by Severity

struct ScanPoint {
  std::int64_t id = 0;
  std::string started_at;
  bool complete = false;
  std::array<std::size_t, kSeverityCount> findings{};  // findings by severity
};

// Where a tag stood in one scan. An incomplete scan that did not see it says nothing.
enum class Presence { kPresent, kAbsent, kNotChecked };

struct TagTimeline {
  std::string key, vendor, product, tag_id;
  std::vector<Presence> cells;  // one per scan of SiteHistory::scans
};

enum class EventKind { kFirstSeen, kRemoved, kReinstalled };
const char* event_name(EventKind kind);  // "first seen", "removed", "reinstalled"

struct HistoryEvent {
  std::int64_t scan_id = 0;
  std::string date;  // the scan's start time
  EventKind kind = EventKind::kFirstSeen;
  std::string key, vendor, tag_id;
};

struct SiteHistory {
  std::vector<ScanPoint> scans;      // oldest first, up to the report's scan
  std::vector<TagTimeline> tags;     // sorted by key
  std::vector<HistoryEvent> events;  // by scan, then key
};

// The history of `report`'s site up to its scan. The report's own scan is counted from its
// findings; each earlier scan is folded from the database and judged as drift judges a finding
// (judge_finding), so its bars say what that scan's report said.
SiteHistory read_site_history(const storage::Database& db, const Report& report);

}  // namespace tagdrift::drift
