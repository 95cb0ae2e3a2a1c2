#include "drift/previous_fold.h"

#include "drift/page_changes.h"

namespace tagdrift::drift {

void PreviousFold::add_page(const storage::PageRecord& page) {
  if (fetched_fine(page)) previous_.fetched.add(page.url);
}

void PreviousFold::add_sighting(storage::SightingRecord sighting) {
  sightings_.add(std::move(sighting));
}

void PreviousFold::add_unread(const storage::UnreadScriptRecord& script) {
  previous_.unread.insert(script.url);
}

Previous PreviousFold::finish() {
  Previous previous = std::move(previous_);
  previous_ = {};
  previous.fetched.sort();
  for (Finding& finding : sightings_.take_findings({})) {
    previous.findings.push_back(previous_finding(std::move(finding)));
  }
  for (const CommentedTag& tag : sightings_.take_commented()) {
    if (!find_previous(previous, tag.key)) previous.commented.insert(tag.key);
  }
  return previous;
}

Previous read_previous(const storage::ScanContents& scan) {
  PreviousFold fold(scan.scan.id);
  for (const storage::PageRecord& page : scan.pages) fold.add_page(page);
  for (const storage::SightingRecord& sighting : scan.sightings) fold.add_sighting(sighting);
  for (const storage::UnreadScriptRecord& script : scan.unread) fold.add_unread(script);
  Previous previous = fold.finish();
  previous.containers = scan.containers;
  return previous;
}

}  // namespace tagdrift::drift
