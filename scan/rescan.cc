#include "scan/rescan.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

#include "util/sha256.h"

namespace tagdrift::scan {
namespace {

// What the detectors saw of a script: its body's hash, or nothing when it could not be read.
std::string script_state(const crawler::ScriptResult& result) {
  return result.error.empty() && !result.body.empty() ? sha256_hex(result.body) : "";
}

}  // namespace

Rescan::Rescan(storage::PriorScan prior, const std::string& fingerprint) {
  if (!fingerprint.empty() && prior.scan.detection == fingerprint) prior_ = std::move(prior);
}

void Rescan::revalidate_scripts(crawler::ScriptCache& scripts, std::size_t parallel) {
  if (!prior_) return;
  std::vector<const storage::ScriptRecord*> before;
  for (const auto& [url, script] : prior_->scripts) before.push_back(&script);
  // A few fetches at a time: an unreachable container costs its timeout once, not once each.
  std::vector<std::string> state(before.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < before.size(); i = next++) {
      state[i] = script_state(scripts.fetch(before[i]->url));
    }
  };
  std::vector<std::thread> threads;
  for (std::size_t t = 1; t < std::min(parallel, before.size()); ++t) threads.emplace_back(work);
  work();
  for (auto& thread : threads) thread.join();
  for (std::size_t i = 0; i < before.size(); ++i) {
    if (state[i] != before[i]->body_hash) changed_scripts_.insert(before[i]->url);
  }
}

const storage::PriorPage* Rescan::usable(const std::string& url) const {
  if (!prior_) return nullptr;
  std::shared_lock lock(pages_mutex_);
  auto found = prior_->pages.find(url);
  if (found == prior_->pages.end()) return nullptr;
  const storage::PriorPage& prior = found->second;
  if (!prior.page.extract || !prior.page.error.empty()) return nullptr;
  for (const std::string& script : prior.page.extract->scripts) {
    if (changed_scripts_.count(script) != 0 || prior_->scripts.count(script) == 0) return nullptr;
  }
  return &prior;
}

void Rescan::release(const std::string& url) {
  if (!prior_) return;
  std::unique_lock lock(pages_mutex_);
  prior_->pages.erase(url);
}

std::size_t Rescan::prior_pages() const {
  if (!prior_) return 0;
  std::shared_lock lock(pages_mutex_);
  return prior_->pages.size();
}

std::optional<crawler::Validators> Rescan::validators(const std::string& url) const {
  const storage::PriorPage* prior = usable(url);
  if (prior == nullptr || (prior->page.etag.empty() && prior->page.last_modified.empty())) {
    return std::nullopt;
  }
  return crawler::Validators{prior->page.etag, prior->page.last_modified};
}

const storage::PriorPage* Rescan::reusable(const crawler::Page& page,
                                           const std::string& body_hash) const {
  const storage::PriorPage* prior = usable(page.url);
  if (prior == nullptr || prior->page.final_url != page.final_url) return nullptr;
  if (page.not_modified) return prior;
  return !body_hash.empty() && body_hash == prior->page.body_hash ? prior : nullptr;
}

}  // namespace tagdrift::scan
