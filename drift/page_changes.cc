#include "drift/page_changes.h"

#include <fmt/format.h>

#include <string_view>
#include <unordered_map>

namespace tagdrift::drift {

bool fetched_fine(const storage::PageRecord& page) {
  return page.error.empty() && page.skipped.empty() && page.status < 400;
}

UrlSet fetched_urls(const storage::ScanContents& scan) {
  UrlSet urls;
  for (const storage::PageRecord& page : scan.pages) {
    if (fetched_fine(page)) urls.add(page.url);
  }
  urls.sort();
  return urls;
}

std::vector<PageChange> page_changes(const storage::ScanContents& previous,
                                     const storage::ScanContents& current) {
  std::vector<ReportPage> pages;
  pages.reserve(current.pages.size());
  for (const storage::PageRecord& page : current.pages) pages.push_back(report_page(page));
  return page_changes(fetched_urls(previous), pages);
}

std::vector<PageChange> page_changes(const UrlSet& fetched_before,
                                     const std::vector<ReportPage>& current) {
  std::unordered_map<std::string_view, const ReportPage*> now;
  for (const ReportPage& page : current) now.emplace(*page.url, &page);
  std::vector<PageChange> changes;
  for (std::size_t i = 0; i < fetched_before.size(); ++i) {
    const std::string_view url = fetched_before.at(i);
    auto found = now.find(url);
    if (found == now.end()) {
      changes.push_back({std::string(url), "vanished"});
      continue;
    }
    const ReportPage& page = *found->second;
    if (page.status == 404 || page.status == 410) {
      changes.push_back({std::string(url), fmt::format("gone: HTTP {}", page.status)});
    } else if (!page.error.empty()) {
      changes.push_back({std::string(url), "broke: " + *page.error});
    } else if (page.skipped.empty() && page.status >= 400) {
      changes.push_back({std::string(url), fmt::format("broke: HTTP {}", page.status)});
    }
  }
  return changes;
}

}  // namespace tagdrift::drift
