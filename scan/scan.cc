#include "scan/scan.h"

#include <mutex>
#include <unordered_map>

#include "crawler/script_cache.h"
#include "detectors/detector.h"
#include "detectors/signature_set.h"
#include "scan/crawler_script_fetcher.h"
#include "scan/page_analysis.h"
#include "scan/records.h"
#include "storage/redact.h"
#include "storage/scan_writer.h"
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
  header.started_at = utc_now_iso8601();
  return header;
}

}  // namespace

ScanResult run_scan(const ScanOptions& options, storage::Database* db) {
  ScanResult result;
  result.contents.scan = header_for(options);
  detectors::SignatureSet signatures(options.signatures_dir);
  detectors::Detector detector(signatures);
  crawler::ScriptCache scripts(options.crawl);
  CrawlerScriptFetcher fetcher(scripts);
  detectors::HealthLexicon lexicon = detectors::HealthLexicon::builtin();
  if (!options.health_terms_file.empty()) lexicon.load_extra(options.health_terms_file);
  std::unique_ptr<storage::ScanWriter> writer;
  if (db != nullptr) {
    writer = std::make_unique<storage::ScanWriter>(
        *db, result.contents.scan, storage::ScanWriterOptions{options.redact, 200, {}});
    result.contents.scan.id = writer->scan_id();
  }

  // Workers leave each page's analysis here; the sink (one thread) pairs it with the page.
  std::mutex mutex;
  std::unordered_map<std::string, PageAnalysis> analyses;
  const std::size_t max_links = options.crawl.max_links_per_page;
  crawler::PageProcessor process = [&](crawler::Page& page) {
    PageAnalysis analysis = analyse_page(page, detector, lexicon, &fetcher, max_links);
    std::vector<std::string> links = std::move(analysis.links);
    std::lock_guard lock(mutex);
    analyses[page.url] = std::move(analysis);
    return links;
  };
  crawler::PageSink sink = [&](crawler::Page&& page) {
    PageAnalysis analysis;
    {
      std::lock_guard lock(mutex);
      if (auto found = analyses.find(page.url); found != analyses.end()) {
        analysis = std::move(found->second);
        analyses.erase(found);
      }
    }
    storage::PageRecord record = to_page_record(page, options.redact);
    record.health_context = analysis.context.health_context;
    record.health_terms = analysis.context.health_terms;
    record.collects_pii = analysis.context.collects_pii;
    auto sightings = to_sighting_records(analysis.detections, options.redact);
    if (writer) writer->add_page(record, sightings);
    result.contents.pages.push_back(std::move(record));
    for (auto& sighting : sightings) result.contents.sightings.push_back(std::move(sighting));
  };
  result.summary = crawler::crawl(options.crawl, process, sink);
  // The command prints these: a seed's secret parameters must not reach the log.
  for (auto& failed : result.summary.failed_targets) {
    failed = storage::redact_urls_in_text(failed, options.redact);
  }
  result.scripts_fetched = scripts.fetched();
  auto& scan = result.contents.scan;
  scan.finished_at = utc_now_iso8601();
  scan.pages_crawled = static_cast<std::int64_t>(result.summary.pages_fetched);
  scan.pages_failed = static_cast<std::int64_t>(result.summary.pages_failed);
  scan.pages_skipped = static_cast<std::int64_t>(result.summary.pages_skipped);
  // A scan that could not reach a target is kept, but stays incomplete: drift never compares
  // against it.
  scan.complete = result.summary.failed_targets.empty();
  if (writer && scan.complete) {
    writer->finish({scan.pages_crawled, scan.pages_failed, scan.pages_skipped}, scan.finished_at);
  }
  return result;
}

}  // namespace tagdrift::scan
