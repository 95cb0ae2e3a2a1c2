#include "storage/prior_scan.h"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "storage/record_rows.h"
#include "storage/statement.h"
#include "storage/transaction.h"
#include "util/error.h"

namespace tagdrift::storage {
namespace {

auto fields_of(const SightingRecord& s) {
  const ContainerOriginRecord& c = s.container;
  return std::tie(s.key, s.signature_id, s.vendor, s.product, s.category, s.tag_id, s.page_url,
                  s.place, s.via, s.consent_gated, s.commented, s.events, s.enhanced_match,
                  s.evidence, s.line, c.container_id, c.version, c.tag_id, c.template_name,
                  c.firing, c.resolved);
}

std::size_t hash_of(std::string_view url) { return std::hash<std::string_view>{}(url); }

}  // namespace

// Fills a PriorScan from the database, one row at a time.
class PriorScanLoader {
 public:
  PriorScanLoader(const Database& db, const ScanRecord& scan, const ScanRecordVisitor& visit)
      : db_(db), visit_(visit) {
    prior_.scan = scan;
  }

  PriorScan load() {
    Transaction snapshot(db_.handle(), Transaction::Kind::kRead);
    read_scripts_of_scan();
    read_pages();
    read_sightings();
    share_sighting_runs();
    prior_.index_pages();
    return std::move(prior_);
  }

 private:
  void read_scripts_of_scan() {
    prior_.scripts_ = read_scripts(db_, prior_.scan.id);
    for (std::uint32_t i = 0; i < prior_.scripts_.size(); ++i) {
      script_index_.emplace(prior_.scripts_[i].url, i);
    }
  }

  void read_pages() {
    Statement count(db_.handle(), "SELECT count(*) FROM pages WHERE scan_id = ?1");
    count.bind_int(1, prior_.scan.id);
    if (count.step()) prior_.heads_.reserve(static_cast<std::size_t>(count.int_at(0)));
    Statement query(db_.handle(), fmt::format(R"sql(
SELECT pages.id, extracts.id, extracts.scripts, {}
FROM pages LEFT JOIN extracts ON extracts.id = pages.extract_id
WHERE pages.scan_id = ?1)sql",
                                              kPageColumns));
    query.bind_int(1, prior_.scan.id);
    while (query.step()) {
      PageRecord page = read_page_row(query, 3, db_);
      if (visit_.page) visit_.page(page);
      // A page that failed, or kept no extract, is never reused.
      if (query.is_null(1) || !page.error.empty()) continue;
      add_head(query, page);
    }
    std::sort(by_id_.begin(), by_id_.end());
  }

  void add_head(const Statement& row, const PageRecord& page) {
    PriorPageHead head;
    head.first_script = static_cast<std::uint32_t>(prior_.page_scripts_.size());
    for (const std::string& script : read_list_column(row, 2, db_)) {
      auto found = script_index_.find(script);
      if (found == script_index_.end()) {  // its script's state is unknown: not reusable
        prior_.page_scripts_.resize(head.first_script);
        return;
      }
      prior_.page_scripts_.push_back(found->second);
    }
    head.scripts = static_cast<std::uint32_t>(prior_.page_scripts_.size()) - head.first_script;
    head.page_id = row.int_at(0);
    head.extract_id = row.int_at(1);
    head.url = keep(page.url);
    head.final_url = page.final_url == page.url ? head.url : keep(page.final_url);
    head.etag = keep(page.etag);
    head.last_modified = keep(page.last_modified);
    head.body_hash = keep(page.body_hash);
    by_id_.emplace_back(head.page_id, static_cast<std::uint32_t>(prior_.heads_.size()));
    prior_.heads_.push_back(head);
  }

  void read_sightings() {
    Statement query(db_.handle(), fmt::format(R"sql(
SELECT sightings.page_id, {} FROM sightings JOIN tags ON tags.id = sightings.tag_ref
WHERE sightings.scan_id = ?1 ORDER BY sightings.page_id, sightings.id)sql",
                                              kSightingColumns));
    query.bind_int(1, prior_.scan.id);
    while (query.step()) {
      PriorPageHead* head = head_of(query.int_at(0));
      if (head == nullptr && !visit_.sighting) continue;
      SightingRecord sighting = read_sighting_row(query, 1, db_);
      if (visit_.sighting) visit_.sighting(sighting);
      if (head != nullptr) add_sighting(*head, std::move(sighting));
    }
  }

  PriorPageHead* head_of(std::int64_t page_id) {
    auto found = std::lower_bound(by_id_.begin(), by_id_.end(),
                                  std::pair<std::int64_t, std::uint32_t>(page_id, 0));
    if (found == by_id_.end() || found->first != page_id) return nullptr;
    return &prior_.heads_[found->second];
  }

  // The sighting with the page's URL left out when it names the page by one of its own URLs.
  // A page's sightings arrive one after another, so they make one run.
  void add_sighting(PriorPageHead& head, SightingRecord sighting) {
    PriorSighting shared;
    if (sighting.page_url == prior_.text(head.url)) {
      sighting.page_url.clear();
    } else if (sighting.page_url == prior_.text(head.final_url)) {
      sighting.page_url.clear();
      shared.names = PriorSighting::Names::kFinalUrl;
    } else {
      shared.names = PriorSighting::Names::kShared;
    }
    shared.shared = &*prior_.shared_sightings_.insert(std::move(sighting)).first;
    if (head.sightings == 0) {
      head.first_sighting = static_cast<std::uint32_t>(prior_.page_sightings_.size());
    }
    prior_.page_sightings_.push_back(shared);
    ++head.sightings;
  }

  // Pages whose sightings are the same shared ones, naming the page the same way, share one run
  // (on a generated 200,000-page site, runs of 16 bytes a sighting were 16 MB).
  void share_sighting_runs() {
    std::vector<PriorSighting> runs;
    std::unordered_map<std::string, std::uint32_t> seen;  // a run's content -> its offset in runs
    std::string key;
    for (PriorPageHead& head : prior_.heads_) {
      if (head.sightings == 0) continue;
      auto run = std::span(prior_.page_sightings_).subspan(head.first_sighting, head.sightings);
      key.clear();
      for (const PriorSighting& sighting : run) {
        key.append(reinterpret_cast<const char*>(&sighting.shared), sizeof sighting.shared);
        key.push_back(static_cast<char>(sighting.names));
      }
      auto [found, added] = seen.try_emplace(key, static_cast<std::uint32_t>(runs.size()));
      if (added) runs.insert(runs.end(), run.begin(), run.end());
      head.first_sighting = found->second;
    }
    prior_.page_sightings_ = std::move(runs);
  }

  TextSpan keep(std::string_view text) {
    if (prior_.text_.size() + text.size() > std::numeric_limits<std::uint32_t>::max()) {
      throw usage_error(fmt::format(
          "the last scan in {} is too large to rescan incrementally; use --full", db_.path()));
    }
    return prior_.keep(text);
  }

  const Database& db_;
  const ScanRecordVisitor& visit_;
  PriorScan prior_;
  std::unordered_map<std::string, std::uint32_t> script_index_;
  std::vector<std::pair<std::int64_t, std::uint32_t>> by_id_;  // page row id -> head, sorted
};

bool SightingOrder::operator()(const SightingRecord& a, const SightingRecord& b) const {
  return fields_of(a) < fields_of(b);
}

TextSpan PriorScan::keep(std::string_view text) {
  TextSpan span{static_cast<std::uint32_t>(text_.size()), static_cast<std::uint32_t>(text.size())};
  text_.append(text);
  return span;
}

void PriorScan::index_pages() {
  text_.shrink_to_fit();
  heads_.shrink_to_fit();
  page_scripts_.shrink_to_fit();
  page_sightings_.shrink_to_fit();
  std::size_t size = 16;
  while (size < 2 * heads_.size()) size *= 2;
  slots_.assign(size, 0);
  for (std::uint32_t i = 0; i < heads_.size(); ++i) {
    std::size_t slot = hash_of(text(heads_[i].url)) & (size - 1);
    while (slots_[slot] != 0) slot = (slot + 1) & (size - 1);
    slots_[slot] = i + 1;
  }
}

const PriorPageHead* PriorScan::find(std::string_view url) const {
  if (slots_.empty()) return nullptr;
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t slot = hash_of(url) & mask; slots_[slot] != 0; slot = (slot + 1) & mask) {
    const PriorPageHead& head = heads_[slots_[slot] - 1];
    if (text(head.url) == url) return &head;
  }
  return nullptr;
}

std::vector<SightingRecord> PriorScan::sightings(const PriorPageHead& page) const {
  std::vector<SightingRecord> out;
  out.reserve(page.sightings);
  for (std::uint32_t i = 0; i < page.sightings; ++i) {
    const PriorSighting& prior = page_sightings_[page.first_sighting + i];
    SightingRecord& sighting = out.emplace_back(*prior.shared);
    if (prior.names == PriorSighting::Names::kUrl) sighting.page_url = text(page.url);
    if (prior.names == PriorSighting::Names::kFinalUrl) sighting.page_url = text(page.final_url);
  }
  return out;
}

PriorScan load_prior_scan(const Database& db, const ScanRecord& scan,
                          const ScanRecordVisitor& visit) {
  return PriorScanLoader(db, scan, visit).load();
}

}  // namespace tagdrift::storage
