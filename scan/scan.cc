#include "scan/scan.h"

#include <algorithm>
#include <mutex>
#include <unordered_map>

#include "crawler/script_cache.h"
#include "detectors/detector.h"
#include "detectors/signature_set.h"
#include "scan/crawler_script_fetcher.h"
#include "scan/page_analysis.h"
#include "util/time.h"

namespace tagdrift::scan {

ScanResult run_scan(const ScanOptions& options) {
  ScanResult result;
  result.started_at = utc_now_iso8601();
  detectors::SignatureSet signatures(options.signatures_dir);
  detectors::Detector detector(signatures);
  crawler::ScriptCache scripts(options.crawl);
  CrawlerScriptFetcher fetcher(scripts);

  // Workers leave each page's detections here; the sink (one thread) pairs them with the page.
  std::mutex mutex;
  std::unordered_map<std::string, detectors::PageDetections> detections;
  const std::size_t max_links = options.crawl.max_links_per_page;
  crawler::PageProcessor process = [&](crawler::Page& page) {
    PageAnalysis analysis = analyse_page(page, detector, &fetcher, max_links);
    std::lock_guard lock(mutex);
    detections[page.url] = std::move(analysis.detections);
    return std::move(analysis.links);
  };
  crawler::PageSink sink = [&](crawler::Page&& page) {
    PageResult entry{std::move(page), {}};
    std::lock_guard lock(mutex);
    if (auto found = detections.find(entry.page.url); found != detections.end()) {
      entry.detections = std::move(found->second);
      detections.erase(found);
    }
    result.pages.push_back(std::move(entry));
  };
  result.summary = crawler::crawl(options.crawl, process, sink);
  result.scripts_fetched = scripts.fetched();
  result.finished_at = utc_now_iso8601();
  std::sort(result.pages.begin(), result.pages.end(),
            [](const PageResult& a, const PageResult& b) { return a.page.url < b.page.url; });
  result.findings = collect_findings(result.pages);
  return result;
}

}  // namespace tagdrift::scan
