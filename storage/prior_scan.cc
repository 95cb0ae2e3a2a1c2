#include "storage/prior_scan.h"

#include <fmt/format.h>

#include "storage/record_rows.h"
#include "storage/statement.h"
#include "storage/transaction.h"

namespace tagdrift::storage {
namespace {

// Pages by row id, so that sightings (which name their page by id) find them.
std::unordered_map<std::int64_t, PriorPage> read_reusable_pages(const Database& db,
                                                                std::int64_t scan_id) {
  Statement query(db.handle(), fmt::format(R"sql(
SELECT pages.id, extracts.id, extracts.links, extracts.scripts, {}
FROM pages JOIN extracts ON extracts.id = pages.extract_id
WHERE pages.scan_id = ?1)sql",
                                           kPageColumns));
  query.bind_int(1, scan_id);
  std::unordered_map<std::int64_t, PriorPage> pages;
  while (query.step()) {
    PriorPage prior{read_page_row(query, 4, db), query.text_at(2), {}};
    prior.page.extract = PageExtract{{}, read_list_column(query, 3, db), query.int_at(1)};
    pages.emplace(query.int_at(0), std::move(prior));
  }
  return pages;
}

void add_sightings(const Database& db, std::int64_t scan_id,
                   std::unordered_map<std::int64_t, PriorPage>& pages) {
  Statement query(db.handle(), fmt::format(R"sql(
SELECT sightings.page_id, {} FROM sightings JOIN tags ON tags.id = sightings.tag_ref
WHERE sightings.scan_id = ?1 ORDER BY sightings.id)sql",
                                           kSightingColumns));
  query.bind_int(1, scan_id);
  while (query.step()) {
    auto page = pages.find(query.int_at(0));
    if (page != pages.end()) page->second.sightings.push_back(read_sighting_row(query, 1, db));
  }
}

}  // namespace

PriorScan load_prior_scan(const Database& db, const ScanRecord& scan) {
  Transaction snapshot(db.handle(), Transaction::Kind::kRead);
  PriorScan prior;
  prior.scan = scan;
  auto by_id = read_reusable_pages(db, scan.id);
  add_sightings(db, scan.id, by_id);
  prior.pages.reserve(by_id.size());
  for (auto& [id, page] : by_id) {
    std::string url = page.page.url;
    prior.pages.emplace(std::move(url), std::move(page));
  }
  for (ScriptRecord& script : read_scripts(db, scan.id)) {
    std::string url = script.url;
    prior.scripts.emplace(std::move(url), std::move(script));
  }
  return prior;
}

}  // namespace tagdrift::storage
