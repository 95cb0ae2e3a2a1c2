// The plan of an incremental rescan: which pages of the site's last complete scan may stand for
// this scan's pages, the validators to ask the server with, and whether a fetched body is the
// one analysed before. Once the scripts are revalidated, workers share it: they look pages up
// while the crawl's sink releases the pages it is done with.
#pragma once

#include <cstddef>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_set>

#include "crawler/page.h"
#include "crawler/script_cache.h"
#include "storage/prior_scan.h"

namespace tagdrift::scan {

class Rescan {
 public:
  // A cold scan: nothing is reused.
  Rescan() = default;
  // `prior` is reused only when it was made with the same detection rules (`fingerprint`).
  Rescan(storage::PriorScan prior, const std::string& fingerprint);

  // Fetches again every script the prior scan fetched (through `scripts`, which keeps them for
  // this scan), `parallel` at a time, and rules out the pages that followed one whose body
  // changed: tags drift in through tag-manager containers and bundles with no change to the page.
  void revalidate_scripts(crawler::ScriptCache& scripts, std::size_t parallel);

  // The validators for a conditional request of `url`; nothing when the page cannot be reused.
  std::optional<crawler::Validators> validators(const std::string& url) const;

  // The prior page whose results stand for `page`: after a 304, or when `body_hash` is what was
  // analysed before and the page ended at the same URL. Null when the page must be analysed.
  const storage::PriorPage* reusable(const crawler::Page& page, const std::string& body_hash) const;

  // Drops the prior page of `url` once the sink is done with that page (the crawl requests a URL
  // once), so that a rescan does not hold the whole last scan until the crawl ends. A pointer
  // reusable() gave for `url` is invalid from here on.
  void release(const std::string& url);

  std::size_t prior_pages() const;
  std::size_t changed_scripts() const { return changed_scripts_.size(); }

 private:
  const storage::PriorPage* usable(const std::string& url) const;

  std::optional<storage::PriorScan> prior_;
  mutable std::shared_mutex pages_mutex_;  // guards prior_->pages
  std::unordered_set<std::string> changed_scripts_;
};

}  // namespace tagdrift::scan
