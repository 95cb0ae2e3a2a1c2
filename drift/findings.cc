#include "drift/findings.h"

#include "drift/sighting_fold.h"

namespace tagdrift::drift {

std::vector<Finding> collect_findings(const storage::ScanContents& scan) {
  SightingFold fold;
  for (const storage::SightingRecord& sighting : scan.sightings) {
    if (!sighting.commented) fold.add(sighting);
  }
  std::vector<ReportPage> pages;
  pages.reserve(scan.pages.size());
  for (const storage::PageRecord& page : scan.pages) pages.push_back(fold.keep_page(page));
  return fold.take_findings(pages);
}

std::vector<CommentedTag> collect_commented(const storage::ScanContents& scan) {
  SightingFold fold;
  for (const storage::SightingRecord& sighting : scan.sightings) {
    if (sighting.commented) fold.add(sighting);
  }
  return fold.take_commented();
}

}  // namespace tagdrift::drift
