// What drift keeps of the last complete scan it compares with, read one record at a time: the
// comparison needs each tag's pages and gating and the pages fetched, never the scan whole.
#pragma once

#include <cstdint>

#include "drift/changes.h"
#include "drift/sighting_fold.h"
#include "storage/history_records.h"

namespace tagdrift::drift {

class PreviousFold {
 public:
  explicit PreviousFold(std::int64_t scan_id) { previous_.scan_id = scan_id; }

  void add_page(const storage::PageRecord& page);
  void add_sighting(storage::SightingRecord sighting);  // in the order the scan wrote them
  void add_unread(const storage::UnreadScriptRecord& script);

  // The comparison's view of the scan (its site left for drift to set). Leaves the fold empty.
  Previous finish();

 private:
  Previous previous_;
  SightingFold sightings_{SightingFold::PageDetail::kGatingOnly};
};

// The fold of a whole loaded scan.
Previous read_previous(const storage::ScanContents& scan);

}  // namespace tagdrift::drift
