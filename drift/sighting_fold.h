// Folds a scan's sightings into findings and commented tags one at a time, in the scan's order,
// so that a scan need not keep its sightings until drift: what comes out is the same as folding
// them all at once (collect_findings, collect_commented).
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "drift/interned.h"
#include "drift/report_model.h"
#include "storage/history_records.h"

namespace tagdrift::drift {

class SightingFold {
 public:
  // kGatingOnly keeps of each page only its URL and consent gating: all a previous scan's
  // findings are compared on (see changes.h), for a fraction of the memory.
  enum class PageDetail { kFull, kGatingOnly };

  explicit SightingFold(PageDetail detail = PageDetail::kFull) : detail_(detail) {}

  // By value: the sighting's strings move into the finding page it starts.
  void add(storage::SightingRecord sighting);

  // The report's view of one of the scan's pages, its strings shared with the findings' pages.
  ReportPage keep_page(const storage::PageRecord& page);

  // One Finding per key of the live sightings, sorted by key, pages sorted by URL. Each page's
  // health context comes from the page sightings name it by (`pages`: the scan's pages, as
  // requested or else as redirected to). Leaves the fold empty.
  std::vector<Finding> take_findings(const std::vector<ReportPage>& pages);

  // One CommentedTag per key of the commented-out sightings, sorted by key, pages by URL.
  std::vector<CommentedTag> take_commented();

 private:
  struct FindingBuilder {
    Finding finding;                                             // without pages until taken
    std::map<std::string_view, FindingPage, std::less<>> pages;  // by the page's own url
  };

  FindingPage start_page(storage::SightingRecord& sighting);
  void add_to_page(FindingPage& page, const storage::SightingRecord& sighting);
  void add_names(SharedNames& names, const std::vector<std::string>& more);

  PageDetail detail_;
  // Every page's strings come from these, so that equal values are held once for the scan.
  TextPool texts_;
  NamesPool names_;
  ContainerPool containers_;
  std::map<std::string, FindingBuilder> findings_;
  std::map<std::string, CommentedTag> commented_;
};

}  // namespace tagdrift::drift
