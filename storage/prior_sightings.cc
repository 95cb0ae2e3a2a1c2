#include "storage/prior_sightings.h"

#include <fmt/format.h>

#include "storage/record_rows.h"
#include "storage/statement.h"
#include "storage/transaction.h"

namespace tagdrift::storage {
namespace {

// The sighting with its page's URL left out when it names the page by one of its own URLs: a
// site's pages then share their sightings.
PriorSighting share(SightingRecord sighting, std::string_view url, std::string_view final_url,
                    SharedSightings& shared) {
  PriorSighting prior;
  if (sighting.page_url == url) {
    sighting.page_url.clear();
  } else if (sighting.page_url == final_url) {
    sighting.page_url.clear();
    prior.names = PriorSighting::Names::kFinalUrl;
  } else {
    prior.names = PriorSighting::Names::kShared;
  }
  prior.shared = &*shared.insert(std::move(sighting)).first;
  return prior;
}

}  // namespace

std::vector<PageSighting> read_prior_sightings(
    const std::string& path, std::int64_t scan_id, SharedSightings& shared,
    const std::function<void(const SightingRecord&)>& visit) {
  const Database db = Database::open(path, Database::Mode::kReadOnly);
  Transaction snapshot(db.handle(), Transaction::Kind::kRead);
  Statement query(db.handle(), fmt::format(R"sql(
SELECT sightings.page_id, pages.extract_id IS NOT NULL AND pages.error = '', pages.url,
       pages.final_url, {}
FROM sightings JOIN tags ON tags.id = sightings.tag_ref JOIN pages ON pages.id = sightings.page_id
WHERE sightings.scan_id = ?1 ORDER BY sightings.page_id, sightings.id)sql",
                                           kSightingColumns));
  query.bind_int(1, scan_id);
  std::vector<PageSighting> kept;
  while (query.step()) {
    const bool reusable = query.bool_at(1);
    if (!reusable && !visit) continue;
    SightingRecord sighting = read_sighting_row(query, 4, db);
    if (visit) visit(sighting);
    if (!reusable) continue;
    kept.push_back({query.int_at(0), share(std::move(sighting), query.text_view_at(2),
                                           query.text_view_at(3), shared)});
  }
  return kept;
}

}  // namespace tagdrift::storage
