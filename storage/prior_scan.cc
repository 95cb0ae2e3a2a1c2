#include "storage/prior_scan.h"

#include <fmt/format.h>

#include <tuple>

#include "storage/json_text.h"
#include "storage/record_rows.h"
#include "storage/statement.h"
#include "storage/transaction.h"

namespace tagdrift::storage {
namespace {

// The one copy of `link` the prior scan holds.
const std::string* share_link(std::string_view link, SharedStrings& shared) {
  auto found = shared.find(link);
  if (found == shared.end()) found = shared.emplace(link).first;
  return &*found;
}

std::optional<std::vector<const std::string*>> share_links(std::string_view json,
                                                           SharedStrings& shared) {
  std::vector<const std::string*> out;
  if (auto plain = plain_json_strings(json)) {
    out.reserve(plain->size());
    for (std::string_view link : *plain) out.push_back(share_link(link, shared));
    return out;
  }
  auto links = from_json_text(std::string(json));
  if (!links) return std::nullopt;
  out.reserve(links->size());
  for (const std::string& link : *links) out.push_back(share_link(link, shared));
  return out;
}

// Pages by row id, so that sightings (which name their page by id) find them.
std::unordered_map<std::int64_t, PriorPage> read_reusable_pages(const Database& db,
                                                                std::int64_t scan_id,
                                                                PriorShared& shared,
                                                                const ScanRecordVisitor& visit) {
  Statement query(db.handle(), fmt::format(R"sql(
SELECT pages.id, extracts.id, extracts.links, extracts.scripts, {}
FROM pages LEFT JOIN extracts ON extracts.id = pages.extract_id
WHERE pages.scan_id = ?1)sql",
                                           kPageColumns));
  query.bind_int(1, scan_id);
  std::unordered_map<std::int64_t, PriorPage> pages;
  while (query.step()) {
    PageRecord page = read_page_row(query, 4, db);
    if (visit.page) visit.page(page);
    if (query.is_null(1)) continue;  // no extract: never reusable
    PriorPage prior{std::move(page), share_links(query.text_view_at(2), shared.links), {}};
    prior.page.extract = PageExtract{{}, read_list_column(query, 3, db), query.int_at(1)};
    pages.emplace(query.int_at(0), std::move(prior));
  }
  return pages;
}

auto fields_of(const SightingRecord& s) {
  return std::tie(s.key, s.signature_id, s.vendor, s.product, s.category, s.tag_id, s.page_url,
                  s.place, s.via, s.consent_gated, s.commented, s.events, s.enhanced_match,
                  s.evidence, s.line);
}

// The sighting with the page's URL left out when it names the page by one of its own URLs.
PriorSighting share(SightingRecord sighting, const PageRecord& page, SharedSightings& shared) {
  PriorSighting prior;
  if (sighting.page_url == page.url) {
    sighting.page_url.clear();
  } else if (sighting.page_url == page.final_url) {
    sighting.page_url.clear();
    prior.names = PriorSighting::Names::kFinalUrl;
  } else {
    prior.names = PriorSighting::Names::kShared;
  }
  prior.shared = &*shared.insert(std::move(sighting)).first;
  return prior;
}

void add_sightings(const Database& db, std::int64_t scan_id,
                   std::unordered_map<std::int64_t, PriorPage>& pages, SharedSightings& shared,
                   const ScanRecordVisitor& visit) {
  Statement query(db.handle(), fmt::format(R"sql(
SELECT sightings.page_id, {} FROM sightings JOIN tags ON tags.id = sightings.tag_ref
WHERE sightings.scan_id = ?1 ORDER BY sightings.page_id, sightings.id)sql",
                                           kSightingColumns));
  query.bind_int(1, scan_id);
  while (query.step()) {
    auto page = pages.find(query.int_at(0));
    if (page == pages.end() && !visit.sighting) continue;
    SightingRecord sighting = read_sighting_row(query, 1, db);
    if (visit.sighting) visit.sighting(sighting);
    if (page == pages.end()) continue;
    PriorPage& prior = page->second;
    prior.shared_sightings.push_back(share(std::move(sighting), prior.page, shared));
  }
}

}  // namespace

bool SightingOrder::operator()(const SightingRecord& a, const SightingRecord& b) const {
  return fields_of(a) < fields_of(b);
}

std::optional<std::vector<std::string>> PriorPage::links() const {
  if (!shared_links) return std::nullopt;
  std::vector<std::string> out;
  out.reserve(shared_links->size());
  for (const std::string* link : *shared_links) out.push_back(*link);
  return out;
}

std::vector<SightingRecord> PriorPage::sightings() const {
  std::vector<SightingRecord> out;
  out.reserve(shared_sightings.size());
  for (const PriorSighting& prior : shared_sightings) {
    SightingRecord& sighting = out.emplace_back(*prior.shared);
    if (prior.names == PriorSighting::Names::kUrl) sighting.page_url = page.url;
    if (prior.names == PriorSighting::Names::kFinalUrl) sighting.page_url = page.final_url;
  }
  return out;
}

PriorScan load_prior_scan(const Database& db, const ScanRecord& scan,
                          const ScanRecordVisitor& visit) {
  Transaction snapshot(db.handle(), Transaction::Kind::kRead);
  PriorScan prior;
  prior.scan = scan;
  auto shared = std::make_shared<PriorShared>();
  auto by_id = read_reusable_pages(db, scan.id, *shared, visit);
  add_sightings(db, scan.id, by_id, shared->sightings, visit);
  prior.shared = std::move(shared);
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
