// The plan of an incremental rescan: which pages of the site's last complete scan may stand for
// this scan's pages, the validators to ask the server with, and whether a fetched body is the
// one analysed before. Once the scripts are revalidated it does not change, and workers share it.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "crawler/page.h"
#include "crawler/script_cache.h"
#include "storage/prior_page_reader.h"
#include "storage/prior_scan.h"

namespace tagdrift::scan {

class Rescan {
 public:
  // A cold scan: nothing is reused.
  Rescan() = default;
  // `prior` is reused only when it was made with the same detection rules (`fingerprint`). What
  // the heads of its pages leave out is read back from the database at `db_path`; `unread` are
  // the scripts its pages could not read, which a reused page still cannot.
  Rescan(storage::PriorScan prior, const std::string& fingerprint, const std::string& db_path,
         std::vector<storage::UnreadScriptRecord> unread = {});

  // Fetches again every script the prior scan fetched (through `scripts`, which keeps them for
  // this scan), `parallel` at a time, and rules out the pages that followed one whose body
  // changed: tags drift in through tag-manager containers and bundles with no change to the page.
  void revalidate_scripts(crawler::ScriptCache& scripts, std::size_t parallel);

  // The validators for a conditional request of `url`; nothing when the page cannot be reused.
  std::optional<crawler::Validators> validators(const std::string& url) const;

  // The prior page whose results stand for `page`: after a 304, or when `body_hash` is what was
  // analysed before and the page ended at the same URL. Null when the page must be analysed.
  const storage::PriorPageHead* reusable(const crawler::Page& page,
                                         const std::string& body_hash) const;
  // What the prior scan kept of a page reusable() gave. Throws a usage error when the database
  // no longer has it.
  storage::ReusedPage read(const storage::PriorPageHead& page) const;
  // The page's sightings as the prior scan stored them, in order.
  std::vector<storage::SightingRecord> sightings(const storage::PriorPageHead& page) const;
  // The scripts the prior scan could not read on the page at `url`, in order.
  std::vector<storage::UnreadScriptRecord> unread(const std::string& url) const;
  // One of a head's URLs, validators or body hash.
  std::string text(storage::TextSpan span) const { return std::string(prior_->text(span)); }

 private:
  const storage::PriorPageHead* usable(const std::string& url) const;

  std::optional<storage::PriorScan> prior_;
  std::unique_ptr<storage::PriorPageReader> reader_;
  std::vector<bool> script_changed_;  // by index into prior_->scripts()
  std::unordered_map<std::string, std::vector<storage::UnreadScriptRecord>> unread_;  // by page
};

}  // namespace tagdrift::scan
