#include "scan/scan.h"

#include <algorithm>
#include <any>
#include <future>
#include <iterator>
#include <memory>
#include <optional>

#include "crawler/script_cache.h"
#include "detectors/detector.h"
#include "detectors/gtm_container.h"
#include "detectors/signature_set.h"
#include "drift/previous_fold.h"
#include "drift/unverified.h"
#include "scan/carry_forward.h"
#include "scan/crawler_script_fetcher.h"
#include "scan/detection_fingerprint.h"
#include "scan/page_analysis.h"
#include "scan/page_rows.h"
#include "scan/rescan.h"
#include "scan/scan_settings.h"
#include "storage/background_writer.h"
#include "storage/history.h"
#include "storage/redact.h"
#include "util/sha256.h"
#include "util/time.h"

namespace tagdrift::scan {
namespace {

storage::ScanRecord header_for(const ScanOptions& options) {
  storage::ScanRecord header;
  header.site = site_key(options.crawl.targets, options.crawl.base_url);
  for (const auto& target : options.crawl.targets) {
    header.target +=
        (header.target.empty() ? "" : " ") + storage::redact_url(target, options.redact);
  }
  header.options_json = scan_settings_json(options);
  header.started_at = utc_now_iso8601();
  return header;
}

struct Plan {
  std::optional<storage::PriorScan> prior;
  std::optional<drift::Previous> previous;
  std::vector<storage::UnreadScriptRecord> unread;  // the scripts the last scan could not read
};

// Reuse what the site's last complete scan learned, unless told not to or there is no history.
// What drift compares with is folded from the same read of that scan.
Plan plan_rescan(const ScanOptions& options, const storage::Database* db,
                 const storage::ScanRecord& header) {
  if (db == nullptr || options.full) return {};
  auto last = storage::History(*db).last_complete_scan(header.site);
  if (!last) return {};
  drift::PreviousFold fold(last->id);
  const storage::ScanRecordVisitor visit{
      [&](const storage::PageRecord& page) { fold.add_page(page); },
      [&](const storage::SightingRecord& sighting) { fold.add_sighting(sighting); }};
  Plan plan{storage::load_prior_scan(*db, *last, visit),
            {},
            storage::History(*db).unread_scripts(last->id)};
  for (const storage::UnreadScriptRecord& script : plan.unread) fold.add_unread(script);
  plan.previous = fold.finish();
  return plan;
}

// The signatures compile on another thread while the last scan loads: both take a while. (Not
// the other way round: the last scan's records are long-lived and many, and a secondary thread's
// malloc arena grows a page at a time.)
std::future<std::unique_ptr<detectors::SignatureSet>> compile_signatures(const std::string& dir) {
  return std::async(std::launch::async,
                    [dir] { return std::make_unique<detectors::SignatureSet>(dir); });
}

std::vector<storage::ScriptRecord> script_records(crawler::ScriptCache& scripts) {
  std::vector<storage::ScriptRecord> records;
  for (const std::string& url : scripts.urls()) {
    crawler::ScriptResult result = scripts.fetch(url);
    bool read = result.error.empty() && !result.body.empty();
    records.push_back({url, read ? sha256_hex(result.body) : "", result.error});
  }
  return records;
}

// The GTM containers the scan fetched that decode, with the version each was published as: from
// the Detector's own decodes, so a container read by the pages is not decoded again. A rescan
// that reused every page still fetched the containers (to see whether they changed) and reads
// their versions here.
std::vector<storage::ContainerRecord> container_records(crawler::ScriptCache& scripts,
                                                        const detectors::Detector& detector,
                                                        const std::vector<std::string>& redact) {
  std::vector<storage::ContainerRecord> records;
  for (const std::string& url : scripts.urls()) {
    if (!detectors::is_gtm_container_url(url)) continue;
    crawler::ScriptResult result = scripts.fetch(url);
    if (!result.error.empty()) continue;
    if (auto container = detector.container(url, result.body)) {
      records.push_back({storage::redact_url(url, redact), std::move(container->container_id),
                         std::move(container->version)});
    }
  }
  return records;
}

// A page's rows as a worker made them, and their copy for the history writer.
struct AnalysedRows {
  PageRows rows;
  PageRows for_history;
};

// Drift and the report never read a page's links, validators or fetch details, nor its sightings
// one by one: keeping them would grow with the site.
void keep_for_drift(drift::FoldedScan& scan, PageRows rows) {
  for (auto& sighting : rows.sightings) scan.sightings.add(std::move(sighting));
  std::move(rows.page.unread.begin(), rows.page.unread.end(), std::back_inserter(scan.unread));
  scan.pages.push_back(scan.sightings.keep_page(rows.page));
}

// The scripts the page's detection followed that failed in a way that proves nothing.
std::vector<std::string> failed_scripts(const storage::PageRecord& page,
                                        crawler::ScriptCache& scripts) {
  std::vector<std::string> failed;
  if (!page.extract) return failed;
  for (const std::string& url : page.extract->scripts) {
    if (drift::script_carries_forward(scripts.error_of(url))) failed.push_back(url);
  }
  return failed;
}

// A page reused unchanged keeps the last scan's sightings, and those through a script that fails
// now stand for what this scan could not see: they go to drift as carried forward, not as seen.
// (Its extract names no scripts, so nothing more is carried to it.)
void set_apart_unverified(PageRows& rows, crawler::ScriptCache& scripts,
                          std::vector<storage::SightingRecord>& carried) {
  if (!rows.page.reused) return;
  auto through_failed = [&](const storage::SightingRecord& sighting) {
    return !sighting.via.empty() && drift::script_carries_forward(scripts.error_of(sighting.via));
  };
  auto seen =
      std::stable_partition(rows.sightings.begin(), rows.sightings.end(),
                            [&](const auto& sighting) { return !through_failed(sighting); });
  std::move(seen, rows.sightings.end(), std::back_inserter(carried));
  rows.sightings.erase(seen, rows.sightings.end());
}

// "<target>: <why>" as the crawl reports it; a normalized URL holds no ": ".
drift::TargetFailure target_failure(const std::string& line) {
  const std::size_t colon = line.find(": ");
  if (colon == std::string::npos) return {line, "could not be scanned"};
  return {line.substr(0, colon), line.substr(colon + 2)};
}

}  // namespace

ScanResult run_scan(const ScanOptions& options, storage::Database* db) {
  crawler::check_crawl_options(options.crawl);
  ScanResult result;
  result.contents.scan = header_for(options);
  auto compiling = compile_signatures(options.signatures_dir);
  detectors::HealthLexicon lexicon = detectors::HealthLexicon::builtin();
  if (!options.health_terms_file.empty()) lexicon.load_extra(options.health_terms_file);
  result.contents.scan.detection = detection_fingerprint(options, lexicon);
  Plan plan = plan_rescan(options, db, result.contents.scan);
  Rescan rescan = plan.prior ? Rescan(std::move(*plan.prior), result.contents.scan.detection,
                                      db->path(), std::move(plan.unread))
                             : Rescan();
  plan.prior.reset();
  result.previous = std::move(plan.previous);
  const std::unique_ptr<detectors::SignatureSet> signatures = compiling.get();
  detectors::DetectorOptions detection;
  detection.max_script_bytes = options.crawl.max_script_bytes;
  detectors::Detector detector(*signatures, detection);
  crawler::ScriptCache scripts(options.crawl);
  CrawlerScriptFetcher fetcher(scripts);
  rescan.revalidate_scripts(scripts, static_cast<std::size_t>(options.crawl.concurrency));
  std::unique_ptr<storage::BackgroundScanWriter> writer;
  if (db != nullptr) {
    storage::ScanWriterOptions batching;  // the default batches: 200 pages or 0.5 s
    batching.redact_patterns = options.redact;
    writer = std::make_unique<storage::BackgroundScanWriter>(*db, result.contents.scan, batching);
    result.contents.scan.id = writer->scan_id();
  }

  // Workers turn each page's analysis into its rows, with a copy for the history, and the page
  // carries them to the sink (one thread, the crawl loop).
  const PageAnalyser analyser{detector, lexicon,      &fetcher, options.crawl.max_links_per_page,
                              rescan,   db != nullptr};
  auto rows_of = [&](const crawler::Page& page, PageAnalysis analysis) {
    AnalysedRows rows{to_page_rows(page, std::move(analysis), options.redact), {}};
    if (writer) rows.for_history = rows.rows;
    return rows;
  };
  crawler::PageProcessor process = [&](crawler::Page& page) {
    PageAnalysis analysis = analyse_page(page, analyser);
    // A reused page's rows name its extract by id: the links are the crawl's alone.
    std::vector<std::string> links = analysis.reused ? std::move(analysis.links) : analysis.links;
    page.result = rows_of(page, std::move(analysis));
    return links;
  };
  // Pages that could not be read wait for the sightings carried forward from the last scan.
  std::vector<HeldPage> held;
  crawler::PageSink sink = [&](crawler::Page&& page) {
    std::optional<AnalysedRows> rows;
    if (auto* analysed = std::any_cast<AnalysedRows>(&page.result)) rows = std::move(*analysed);
    if (!rows) rows = rows_of(page, {});  // not analysed: failed, skipped, or the analysis threw
    result.pages_reused += rows->rows.page.reused ? 1 : 0;
    if (writer) {
      const bool whole_page = drift::carries_forward(rows->rows.page);
      std::vector<std::string> failed = failed_scripts(rows->rows.page, scripts);
      if (whole_page || !failed.empty()) {
        held.push_back({std::move(rows->for_history), whole_page, std::move(failed)});
      } else {
        writer->add_page(std::move(rows->for_history.page), std::move(rows->for_history.sightings));
      }
    }
    set_apart_unverified(rows->rows, scripts, result.contents.carried);
    keep_for_drift(result.contents, std::move(rows->rows));
  };
  crawler::ValidatorLookup validators = [&](const std::string& url) {
    return rescan.validators(url);
  };
  result.summary = crawler::crawl(options.crawl, process, sink, validators);
  // The command prints these: a seed's secret parameters must not reach the log.
  for (auto& failed : result.summary.failed_targets) {
    failed = storage::redact_urls_in_text(failed, options.redact);
    result.contents.failed_targets.push_back(target_failure(failed));
  }
  if (writer) {
    for (auto& sighting : carry_forward(*db, result.contents.scan.site, writer->scan_id(), held)) {
      result.contents.carried.push_back(std::move(sighting));
    }
    for (HeldPage& page : held)
      writer->add_page(std::move(page.rows.page), std::move(page.rows.sightings));
  }
  result.scripts_fetched = scripts.fetched();
  const std::vector<storage::ScriptRecord> fetched_scripts = script_records(scripts);
  result.contents.containers = container_records(scripts, detector, options.redact);
  for (const storage::ScriptRecord& script : fetched_scripts) {
    if (!script.body_hash.empty()) {
      result.contents.scripts_read.push_back(storage::redact_url(script.url, options.redact));
    }
  }
  auto& scan = result.contents.scan;
  scan.finished_at = utc_now_iso8601();
  scan.pages_crawled = static_cast<std::int64_t>(result.summary.pages_fetched);
  scan.pages_failed = static_cast<std::int64_t>(result.summary.pages_failed);
  scan.pages_skipped = static_cast<std::int64_t>(result.summary.pages_skipped);
  // A scan that could not reach a target is kept, but stays incomplete: drift never compares
  // against it.
  scan.complete = result.summary.failed_targets.empty();
  if (writer && scan.complete) {
    writer->finish({scan.pages_crawled, scan.pages_failed, scan.pages_skipped}, scan.finished_at,
                   fetched_scripts, result.contents.containers);
  }
  return result;
}

}  // namespace tagdrift::scan
