#include "scan/rescan.h"

#include <algorithm>
#include <atomic>
#include <thread>

#include "util/sha256.h"

namespace tagdrift::scan {
namespace {

// What the detectors saw of a script: its body's hash, or nothing when it could not be read.
std::string script_state(const crawler::ScriptResult& result) {
  return result.error.empty() && !result.body.empty() ? sha256_hex(result.body) : "";
}

}  // namespace

Rescan::Rescan(storage::PriorScan prior, const std::string& fingerprint, const std::string& db_path,
               std::vector<storage::UnreadScriptRecord> unread) {
  if (fingerprint.empty() || prior.scan.detection != fingerprint) return;
  for (storage::UnreadScriptRecord& script : unread) {
    unread_[script.page_url].push_back(std::move(script));
  }
  reader_ = std::make_unique<storage::PriorPageReader>(db_path);
  prior_ = std::move(prior);
  script_changed_.assign(prior_->scripts().size(), false);
}

void Rescan::revalidate_scripts(crawler::ScriptCache& scripts, std::size_t parallel) {
  if (!prior_) return;
  const std::vector<storage::ScriptRecord>& before = prior_->scripts();
  // A few fetches at a time: an unreachable container costs its timeout once, not once each.
  std::vector<std::string> state(before.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < before.size(); i = next++) {
      state[i] = script_state(scripts.fetch(before[i].url));
    }
  };
  std::vector<std::thread> threads;
  for (std::size_t t = 1; t < std::min(parallel, before.size()); ++t) threads.emplace_back(work);
  work();
  for (auto& thread : threads) thread.join();
  for (std::size_t i = 0; i < before.size(); ++i) {
    script_changed_[i] = state[i] != before[i].body_hash;
  }
}

const storage::PriorPageHead* Rescan::usable(const std::string& url) const {
  if (!prior_) return nullptr;
  const storage::PriorPageHead* prior = prior_->find(url);
  if (prior == nullptr) return nullptr;
  for (std::uint32_t script : prior_->scripts_of(*prior)) {
    if (script_changed_[script]) return nullptr;
  }
  return prior;
}

std::optional<crawler::Validators> Rescan::validators(const std::string& url) const {
  const storage::PriorPageHead* prior = usable(url);
  if (prior == nullptr || (prior->etag.size == 0 && prior->last_modified.size == 0)) {
    return std::nullopt;
  }
  return crawler::Validators{text(prior->etag), text(prior->last_modified)};
}

const storage::PriorPageHead* Rescan::reusable(const crawler::Page& page,
                                               const std::string& body_hash) const {
  const storage::PriorPageHead* prior = usable(page.url);
  if (prior == nullptr || prior_->text(prior->final_url) != page.final_url) return nullptr;
  if (page.not_modified) return prior;
  return !body_hash.empty() && body_hash == prior_->text(prior->body_hash) ? prior : nullptr;
}

storage::ReusedPage Rescan::read(const storage::PriorPageHead& page) const {
  return reader_->read(page.page_id, page.extract_id);
}

std::vector<storage::UnreadScriptRecord> Rescan::unread(const std::string& url) const {
  auto found = unread_.find(url);
  return found == unread_.end() ? std::vector<storage::UnreadScriptRecord>() : found->second;
}

std::vector<storage::SightingRecord> Rescan::sightings(const storage::PriorPageHead& page) const {
  return prior_->sightings(page);
}

}  // namespace tagdrift::scan
