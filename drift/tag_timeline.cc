#include "drift/tag_timeline.h"

#include <algorithm>
#include <optional>

namespace tagdrift::drift {

const char* event_name(EventKind kind) {
  switch (kind) {
    case EventKind::kFirstSeen:
      return "first seen";
    case EventKind::kRemoved:
      return "removed";
    case EventKind::kReinstalled:
      return "reinstalled";
  }
  return "";
}

std::vector<TagTimeline> tag_timelines(const std::vector<ScanPoint>& scans,
                                       const std::vector<storage::TagPresence>& tags) {
  std::vector<TagTimeline> timelines;
  for (const storage::TagPresence& tag : tags) {
    TagTimeline timeline{tag.key, tag.vendor, tag.product, tag.tag_id, {}};
    for (const ScanPoint& scan : scans) {
      const bool live = std::binary_search(tag.scans.begin(), tag.scans.end(), scan.id);
      timeline.cells.push_back(live            ? Presence::kPresent
                               : scan.complete ? Presence::kAbsent
                                               : Presence::kNotChecked);
    }
    timelines.push_back(std::move(timeline));
  }
  return timelines;
}

namespace {

enum class Seen { kNever, kLive, kGone };

}  // namespace

std::vector<HistoryEvent> history_events(const std::vector<ScanPoint>& scans,
                                         const std::vector<TagTimeline>& timelines) {
  std::vector<HistoryEvent> events;
  std::vector<Seen> state(timelines.size(), Seen::kNever);
  for (std::size_t s = 0; s < scans.size(); ++s) {
    for (std::size_t t = 0; t < timelines.size(); ++t) {
      const Presence cell = timelines[t].cells[s];
      std::optional<EventKind> kind;
      if (cell == Presence::kPresent && state[t] != Seen::kLive) {
        kind = state[t] == Seen::kNever ? EventKind::kFirstSeen : EventKind::kReinstalled;
        state[t] = Seen::kLive;
      } else if (cell == Presence::kAbsent && state[t] == Seen::kLive) {
        kind = EventKind::kRemoved;
        state[t] = Seen::kGone;
      }
      if (!kind) continue;
      const TagTimeline& tag = timelines[t];
      events.push_back({scans[s].id, scans[s].started_at, *kind, tag.key, tag.vendor, tag.tag_id});
    }
  }
  return events;
}

}  // namespace tagdrift::drift
