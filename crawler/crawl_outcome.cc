// How the crawl loop settles a finished page transfer: redirect, retry, error, or parse.
#include <fmt/core.h>

#include <algorithm>
#include <cmath>

#include "crawler/crawl_run.h"
#include "crawler/url.h"

namespace tagdrift::crawler {
namespace {

constexpr double kMaxRetryAfterSeconds = 60;

bool is_transient(CURLcode code) {
  switch (code) {
    case CURLE_COULDNT_CONNECT:
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
      return true;
    default:
      return false;
  }
}

// Seconds from a Retry-After header (delta-seconds or an HTTP date); nothing when absent.
std::optional<double> retry_after_seconds(const std::string& header) {
  if (header.empty()) return std::nullopt;
  if (std::all_of(header.begin(), header.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return header.size() > 6 ? 1e6 : std::stod(header);
  }
  time_t when = curl_getdate(header.c_str(), nullptr);
  if (when < 0) return std::nullopt;
  return std::max(0.0, std::difftime(when, std::time(nullptr)));
}

// Names where the redirect led and what would let the crawl follow it.
std::string out_of_scope_reason(const std::string& target, Scope::Verdict verdict) {
  const char* hint = "";
  if (verdict == Scope::Verdict::kSiblingHost) hint = " (try --scope domain)";
  if (verdict == Scope::Verdict::kFiltered) hint = " (excluded by --include/--exclude)";
  return fmt::format("redirected out of scope to {}{}", target, hint);
}

}  // namespace

void CrawlRun::finish_page(std::unique_ptr<Transfer> transfer, CURLcode code) {
  Page& page = transfer->page;
  int status = page.status;
  if (transfer->not_html) {
    page.skipped = fmt::format("not HTML ({})", page.content_type);
  } else if (transfer->too_big || code == CURLE_FILESIZE_EXCEEDED) {
    page.error = fmt::format("body exceeds {} bytes (--max-body)", options_.max_body_bytes);
  } else if (code != CURLE_OK) {
    if (is_transient(code) && schedule_retry(transfer)) return;
    page.error = transfer->describe(code);
  } else if (status == 304 && transfer->validators) {
    // Unchanged since the scan that gave the validators: the caller reuses what it learned,
    // which is quick enough to do here rather than pay two thread hops per page.
    page.not_modified = true;
    return process_here(std::move(transfer));
  } else if (status >= 300 && status < 400 && !transfer->location.empty()) {
    if (follow_redirect(transfer)) return;
  } else if (status == 429 || status >= 500) {
    if (schedule_retry(transfer)) return;
    page.error = fmt::format("HTTP {}", status);
  } else if (status >= 400 || status < 200) {
    page.error = fmt::format("HTTP {}", status);
  } else if (!page.body.empty()) {
    page.bytes = page.body.size();
    return hand_to_worker(std::move(transfer));
  }
  page.bytes = page.body.size();
  emit(std::move(page));
  recycle(std::move(transfer));
}

// Follows one hop when it stays in scope; otherwise settles the page. True when the transfer
// went back on the multi handle.
bool CrawlRun::follow_redirect(std::unique_ptr<Transfer>& transfer) {
  Page& page = transfer->page;
  auto target = resolve_url(page.final_url, transfer->location, options_.max_url_length);
  if (!target) {
    page.error = "redirect to a URL that is not http(s) or is malformed";
    return false;
  }
  transfer->chain.push_back(page.final_url);
  // The validators were for the URL asked for, not for where it now leads.
  transfer->validators.reset();
  if (std::find(transfer->chain.begin(), transfer->chain.end(), *target) != transfer->chain.end()) {
    page.error = fmt::format("redirect loop at {}", *target);
  } else if (static_cast<int>(transfer->chain.size()) > options_.max_redirects) {
    page.error = fmt::format("more than {} redirects (--max-redirects)", options_.max_redirects);
  } else if (Scope::Verdict verdict = scope_.judge(*target); verdict != Scope::Verdict::kInside) {
    page.final_url = *target;
    page.skipped = out_of_scope_reason(*target, verdict);
  } else if (!frontier_.claim(*target)) {
    page.final_url = *target;
    page.skipped = "redirects to a page crawled under that URL";
  } else {
    start(std::move(transfer), *target);
    return true;
  }
  return false;
}

bool CrawlRun::schedule_retry(std::unique_ptr<Transfer>& transfer) {
  if (transfer->attempt >= options_.retries) return false;
  double backoff = options_.retry_base_ms / 1000.0 * std::pow(2.0, transfer->attempt);
  if (auto asked = retry_after_seconds(transfer->retry_after)) {
    if (*asked > kMaxRetryAfterSeconds) {
      transfer->page.error = fmt::format("HTTP {}: server asked to retry after {:.0f} s",
                                         transfer->page.status, *asked);
      return false;
    }
    backoff = std::max(backoff, *asked);
  }
  QueuedUrl item{transfer->page.url,
                 origin_of(transfer->page.url),
                 transfer->page.depth,
                 transfer->page.found_by,
                 transfer->page.referrer,
                 transfer->attempt + 1,
                 Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                    std::chrono::duration<double>(backoff))};
  frontier_.retry(std::move(item));
  recycle(std::move(transfer));
  return true;
}

}  // namespace tagdrift::crawler
