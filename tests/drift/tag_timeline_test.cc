#include "drift/tag_timeline.h"

#include <catch2/catch.hpp>

namespace tagdrift::drift {
namespace {

std::vector<ScanPoint> scans(const std::vector<bool>& complete) {
  std::vector<ScanPoint> points;
  for (std::size_t i = 0; i < complete.size(); ++i) {
    ScanPoint& point = points.emplace_back();
    point.id = static_cast<std::int64_t>(i + 1);
    point.started_at = "2026-11-0" + std::to_string(i + 1);
    point.complete = complete[i];
  }
  return points;
}

storage::TagPresence tag(const std::string& key, std::vector<std::int64_t> live) {
  return {key, "vendor of " + key, "", key.substr(key.find(':') + 1), std::move(live)};
}

using P = Presence;

TEST_CASE("tag timeline: live, absent from a complete scan, not checked by an incomplete one") {
  auto timelines = tag_timelines(scans({true, false, true, true}), {tag("meta:1", {1, 4})});
  REQUIRE(timelines.size() == 1);
  CHECK(timelines[0].key == "meta:1");
  CHECK(timelines[0].cells == std::vector<P>{P::kPresent, P::kNotChecked, P::kAbsent, P::kPresent});
}

TEST_CASE("tag timeline: a tag removed and back is reinstalled, dated by its scans") {
  auto points = scans({true, true, true, true});
  auto events = history_events(points, tag_timelines(points, {tag("meta:1", {1, 2, 4})}));
  REQUIRE(events.size() == 3);
  CHECK(events[0].kind == EventKind::kFirstSeen);
  CHECK(events[0].scan_id == 1);
  CHECK(events[1].kind == EventKind::kRemoved);
  CHECK(events[1].scan_id == 3);
  CHECK(events[1].date == "2026-11-03");
  CHECK(events[2].kind == EventKind::kReinstalled);
  CHECK(events[2].scan_id == 4);
  CHECK(std::string(event_name(events[2].kind)) == "reinstalled");
}

TEST_CASE("tag timeline: an incomplete scan that missed a tag neither removes nor reinstalls it") {
  auto points = scans({true, false, true});
  auto events = history_events(points, tag_timelines(points, {tag("meta:1", {1, 3})}));
  REQUIRE(events.size() == 1);
  CHECK(events[0].kind == EventKind::kFirstSeen);
}

TEST_CASE("tag timeline: events come in scan order, then by key") {
  auto points = scans({true, true});
  auto events = history_events(
      points, tag_timelines(points, {tag("google:G-1", {2}), tag("meta:1", {1, 2})}));
  REQUIRE(events.size() == 2);
  CHECK(events[0].key == "meta:1");
  CHECK(events[0].scan_id == 1);
  CHECK(events[1].key == "google:G-1");
  CHECK(events[1].scan_id == 2);
}

}  // namespace
}  // namespace tagdrift::drift
