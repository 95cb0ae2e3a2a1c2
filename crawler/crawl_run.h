// One crawl of http(s) targets on libcurl's multi interface: the event loop, the transfers in
// flight, and the hand-off of bodies to the parse workers. Internal to the crawler.
#pragma once

#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_set>
#include <vector>

#include "crawler/crawl.h"
#include "crawler/frontier.h"
#include "crawler/origin_map.h"
#include "crawler/progress.h"
#include "crawler/request_config.h"
#include "crawler/scope.h"
#include "crawler/transfer.h"
#include "crawler/worker_pool.h"

namespace tagdrift::crawler {

class CrawlRun {
 public:
  CrawlRun(const CrawlOptions& options, std::vector<std::string> seeds,
           const PageProcessor& process, const PageSink& sink, const ValidatorLookup& validators);
  ~CrawlRun();
  CrawlSummary run();

 private:
  // What a parse worker hands back to the loop.
  struct Parsed {
    std::unique_ptr<Transfer> transfer;
    std::vector<std::string> links;   // pages: outgoing links; sitemaps: page URLs
    std::vector<std::string> nested;  // sitemaps: further sitemaps
    std::string error;                // what the page caused: it becomes the page's error
    std::exception_ptr fatal;         // what ends the crawl (an Error, out of memory): rethrown
  };

  void seed();
  void request_robots();
  void start_transfers();
  bool may_start_more() const;
  bool has_own_room() const;  // this crawl's own limits allow another transfer
  bool budget_full() const;   // the transfer budget shared with other crawls has no room
  void start(std::unique_ptr<Transfer> transfer, const std::string& url);
  std::unique_ptr<Transfer> new_transfer(TransferKind kind);
  void start_page(Frontier::Next next);
  void start_sitemap(const std::string& url, const std::string& referrer);
  void read_completions();
  void finish(std::unique_ptr<Transfer> transfer, CURLcode code);
  void finish_robots(std::unique_ptr<Transfer> transfer, CURLcode code);
  void finish_page(std::unique_ptr<Transfer> transfer, CURLcode code);
  bool follow_redirect(std::unique_ptr<Transfer>& transfer);
  bool schedule_retry(std::unique_ptr<Transfer>& transfer);
  void hand_to_worker(std::unique_ptr<Transfer> transfer);
  // For a page with no body to parse (a 304): the processor runs on the loop itself.
  void process_here(std::unique_ptr<Transfer> transfer);
  void drain_parsed();
  void take_parsed_page(Parsed parsed);
  void take_parsed_sitemap(Parsed parsed);
  void queue_link(const std::string& url, const Page& from, FoundBy found_by, int depth);
  void skip_off_site(const std::string& url, const Page& sitemap);
  void emit(Page&& page);
  void recycle(std::unique_ptr<Transfer> transfer);
  void recycle_handle_of(Transfer& transfer);
  bool done() const;
  long poll_timeout_ms() const;

  const CrawlOptions& options_;
  std::vector<std::string> seeds_;
  const PageProcessor& process_;
  const PageSink& sink_;
  const ValidatorLookup& validators_;
  RequestConfig config_;
  Scope scope_;
  OriginMap origin_map_;
  Frontier frontier_;
  Progress progress_;
  CurlMulti multi_;
  std::string robots_token_;
  std::unordered_set<std::string> seed_set_;
  std::unordered_set<std::string> sitemaps_seen_;
  std::unordered_set<std::string> sitemap_origins_;
  std::unordered_set<std::string> off_site_seen_;  // at most --max-pages
  std::vector<CurlEasy> idle_handles_;
  std::size_t running_ = 0;    // transfers on the multi handle
  std::size_t in_worker_ = 0;  // transfers handed to the parse workers
  std::mutex parsed_mutex_;
  std::deque<Parsed> parsed_;
  CrawlSummary summary_;
  // Declared last so it is destroyed first: its threads finish before the rest goes away.
  WorkerPool workers_;
};

}  // namespace tagdrift::crawler
