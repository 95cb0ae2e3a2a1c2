#include "crawler/crawl_run.h"

#include <fmt/core.h>

#include <algorithm>
#include <chrono>

#include "crawler/transfer_budget.h"
#include "crawler/url.h"
#include "util/error.h"

namespace tagdrift::crawler {
namespace {

std::string robots_token(const std::string& user_agent) {
  auto end = user_agent.find_first_of("/ ");
  return user_agent.substr(0, end);
}

}  // namespace

CrawlRun::CrawlRun(const CrawlOptions& options, std::vector<std::string> seeds,
                   const PageProcessor& process, const PageSink& sink,
                   const ValidatorLookup& validators)
    : options_(options),
      seeds_(std::move(seeds)),
      process_(process),
      sink_(sink),
      validators_(validators),
      config_(options),
      scope_(options.scope, seeds_, options.include, options.exclude),
      origin_map_(options.map_origins, scope_),
      frontier_(options.max_pages, options.max_query_variants, options.rate),
      progress_(options.progress),
      multi_(curl_multi_init()),
      robots_token_(robots_token(config_.user_agent())),
      workers_(options.parse_threads) {
  if (!multi_) throw Error(ExitCode::kTargetFailed, "libcurl multi handle could not be created");
  curl_multi_setopt(multi_.get(), CURLMOPT_PIPELINING, CURLPIPE_MULTIPLEX);
  curl_multi_setopt(multi_.get(), CURLMOPT_MAX_TOTAL_CONNECTIONS,
                    static_cast<long>(options.concurrency));
  curl_multi_setopt(multi_.get(), CURLMOPT_MAXCONNECTS, static_cast<long>(options.concurrency));
  if (options.ignore_robots) frontier_.open_all_origins();
}

CrawlRun::~CrawlRun() {
  // Transfers still on the multi handle (a crawl ended by an error) free their slots.
  if (options_.transfer_budget) options_.transfer_budget->give_back(running_);
}

CrawlSummary CrawlRun::run() {
  auto started = Clock::now();
  seed();
  while (!done()) {
    request_robots();
    start_transfers();
    int still_running = 0;
    curl_multi_perform(multi_.get(), &still_running);
    read_completions();
    drain_parsed();
    progress_.update(summary_.pages_fetched + summary_.pages_failed, frontier_.queued(),
                     summary_.pages_failed);
    if (done()) break;
    curl_multi_poll(multi_.get(), nullptr, 0, static_cast<int>(poll_timeout_ms()), nullptr);
  }
  summary_.seconds = std::chrono::duration<double>(Clock::now() - started).count();
  return summary_;
}

void CrawlRun::seed() {
  for (const auto& url : seeds_) {
    seed_set_.insert(url);
    frontier_.add(QueuedUrl{url, origin_of(url), 0, FoundBy::kSeed, "", 0, {}});
  }
}

bool CrawlRun::done() const {
  return running_ == 0 && in_worker_ == 0 && frontier_.queued() == 0 && parsed_.empty();
}

long CrawlRun::poll_timeout_ms() const {
  // With the transfer budget full, only a finished transfer or parse (which wakes the poll) can
  // let more start: waiting on the frontier's clock here would spin.
  if (!may_start_more()) {
    // Another crawl's finished transfer frees the shared budget without waking this poll.
    return has_own_room() ? 20 : 1000;
  }
  auto next = frontier_.next_ready();
  if (!next) return 1000;
  auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(*next - Clock::now());
  return std::clamp<long>(wait.count(), 0, 1000);
}

bool CrawlRun::may_start_more() const { return has_own_room() && !budget_full(); }

bool CrawlRun::has_own_room() const {
  // Bodies waiting for a worker count against the budget too, so memory stays bounded when
  // parsing is slower than fetching.
  auto limit = static_cast<std::size_t>(std::max(1, options_.concurrency)) + 2 * workers_.size();
  return running_ < static_cast<std::size_t>(std::max(1, options_.concurrency)) &&
         running_ + in_worker_ < limit;
}

bool CrawlRun::budget_full() const {
  return options_.transfer_budget && !options_.transfer_budget->has_room();
}

void CrawlRun::start_transfers() {
  while (may_start_more()) {
    auto next = frontier_.pop(Clock::now());
    if (!next) return;
    if (next->disallowed) {
      Page page;
      page.url = page.final_url = next->item.url;
      page.depth = next->item.depth;
      page.found_by = next->item.found_by;
      page.referrer = next->item.referrer;
      page.skipped = "disallowed by robots.txt";
      emit(std::move(page));
      continue;
    }
    start_page(std::move(*next));
  }
}

std::unique_ptr<Transfer> CrawlRun::new_transfer(TransferKind kind) {
  auto transfer = std::make_unique<Transfer>();
  transfer->kind = kind;
  if (!idle_handles_.empty()) {
    transfer->easy = std::move(idle_handles_.back());
    idle_handles_.pop_back();
  } else {
    transfer->easy.reset(curl_easy_init());
    if (!transfer->easy) throw Error(ExitCode::kTargetFailed, "libcurl easy handle failed");
  }
  return transfer;
}

void CrawlRun::start_page(Frontier::Next next) {
  auto transfer = new_transfer(TransferKind::kPage);
  Page& page = transfer->page;
  page.url = next.item.url;
  page.depth = next.item.depth;
  page.found_by = next.item.found_by;
  page.referrer = std::move(next.item.referrer);
  transfer->attempt = next.item.attempt;
  transfer->max_body = options_.max_body_bytes;
  transfer->html_only = true;
  if (validators_) transfer->validators = validators_(next.item.url);
  start(std::move(transfer), next.item.url);
}

void CrawlRun::start(std::unique_ptr<Transfer> transfer, const std::string& url) {
  transfer->reset_response();
  transfer->page.final_url = url;
  config_.apply(transfer->easy.get(), url, options_.timeout_ms);
  if (transfer->validators) {
    transfer->conditional_headers =
        config_.apply_conditional(transfer->easy.get(), *transfer->validators);
  }
  if (transfer->kind != TransferKind::kPage) {
    // robots.txt and sitemaps may redirect anywhere http(s); pages are followed hop by hop.
    curl_easy_setopt(transfer->easy.get(), CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(transfer->easy.get(), CURLOPT_MAXREDIRS, 5L);
    // Their own budget applies, counted as the body arrives: a robots.txt announced larger than
    // --max-body is read up to its budget and obeyed (RFC 9309 2.5), never rejected unread
    // (which opened the whole site).
    curl_easy_setopt(transfer->easy.get(), CURLOPT_MAXFILESIZE_LARGE,
                     transfer->kind == TransferKind::kRobots
                         ? curl_off_t{0}
                         : static_cast<curl_off_t>(transfer->max_body));
  }
  transfer->attach_callbacks();
  if (curl_multi_add_handle(multi_.get(), transfer->easy.get()) != CURLM_OK) {
    transfer->page.error = "could not start the transfer";
    emit(std::move(transfer->page));
    return;
  }
  ++running_;
  if (options_.transfer_budget) options_.transfer_budget->take();
  transfer.release();  // owned by the multi handle until read_completions takes it back
}

void CrawlRun::read_completions() {
  int left = 0;
  while (CURLMsg* message = curl_multi_info_read(multi_.get(), &left)) {
    if (message->msg != CURLMSG_DONE) continue;
    void* owner = nullptr;
    curl_easy_getinfo(message->easy_handle, CURLINFO_PRIVATE, &owner);
    std::unique_ptr<Transfer> transfer(static_cast<Transfer*>(owner));
    CURLcode code = message->data.result;
    curl_multi_remove_handle(multi_.get(), message->easy_handle);
    --running_;
    if (options_.transfer_budget) options_.transfer_budget->give_back();
    finish(std::move(transfer), code);
  }
}

void CrawlRun::finish(std::unique_ptr<Transfer> transfer, CURLcode code) {
  long status = 0;
  curl_easy_getinfo(transfer->easy.get(), CURLINFO_RESPONSE_CODE, &status);
  transfer->page.status = static_cast<int>(status);
  double seconds = 0;
  curl_easy_getinfo(transfer->easy.get(), CURLINFO_TOTAL_TIME, &seconds);
  transfer->page.seconds += seconds;
  switch (transfer->kind) {
    case TransferKind::kRobots:
      return finish_robots(std::move(transfer), code);
    case TransferKind::kSitemap:
      if (code == CURLE_OK && status >= 200 && status < 300)
        return hand_to_worker(std::move(transfer));
      recycle(std::move(transfer));
      return;
    case TransferKind::kPage:
      return finish_page(std::move(transfer), code);
  }
}

void CrawlRun::emit(Page&& page) {
  if (!page.error.empty()) {
    ++summary_.pages_failed;
  } else if (!page.skipped.empty()) {
    ++summary_.pages_skipped;
  } else {
    ++summary_.pages_fetched;
  }
  if (page.found_by == FoundBy::kSeed && seed_set_.count(page.url) != 0) {
    std::string why = !page.error.empty() ? page.error : page.skipped;
    if (!why.empty()) summary_.failed_targets.push_back(page.url + ": " + why);
  }
  page.body.clear();
  page.body.shrink_to_fit();
  sink_(std::move(page));
}

void CrawlRun::recycle(std::unique_ptr<Transfer> transfer) {
  if (transfer) recycle_handle_of(*transfer);
}

void CrawlRun::recycle_handle_of(Transfer& transfer) {
  if (transfer.easy) idle_handles_.push_back(std::move(transfer.easy));
}

}  // namespace tagdrift::crawler
