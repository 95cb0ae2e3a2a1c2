// Pages that a scan lost since the previous one: gone from the crawl, or now failing. They
// explain removed tags that were only on those pages.
#pragma once

#include <string>
#include <vector>

#include "drift/report_model.h"
#include "drift/url_set.h"
#include "storage/history_records.h"

namespace tagdrift::drift {

// A page that was fetched and read: no error, not skipped, no HTTP error status.
bool fetched_fine(const storage::PageRecord& page);

// The URLs of the scan's pages that were fetched fine.
UrlSet fetched_urls(const storage::ScanContents& scan);

// Pages fetched fine in `previous` that are absent from `current` ("vanished"), that answer 404
// or 410 ("gone: HTTP 404": a real removal, like a vanished page), or that are present with an
// error or another HTTP error status ("broke: <error>": their tags are carried forward as not
// verified, see unverified.h), sorted by URL.
std::vector<PageChange> page_changes(const storage::ScanContents& previous,
                                     const storage::ScanContents& current);
// The same from the URLs the previous scan fetched fine (fetched_urls) and the current pages.
std::vector<PageChange> page_changes(const UrlSet& fetched_before,
                                     const std::vector<ReportPage>& current);

}  // namespace tagdrift::drift
