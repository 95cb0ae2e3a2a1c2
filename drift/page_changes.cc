#include "drift/page_changes.h"

#include <fmt/format.h>

#include <string_view>
#include <unordered_map>

namespace tagdrift::drift {

bool fetched_fine(const storage::PageRecord& page) {
  return page.error.empty() && page.skipped.empty() && page.status < 400;
}

std::set<std::string> fetched_urls(const storage::ScanContents& scan) {
  std::set<std::string> urls;
  for (const storage::PageRecord& page : scan.pages) {
    if (fetched_fine(page)) urls.insert(page.url);
  }
  return urls;
}

std::vector<PageChange> page_changes(const storage::ScanContents& previous,
                                     const storage::ScanContents& current) {
  return page_changes(fetched_urls(previous), current.pages);
}

std::vector<PageChange> page_changes(const std::set<std::string>& fetched_before,
                                     const std::vector<storage::PageRecord>& current) {
  std::unordered_map<std::string_view, const storage::PageRecord*> now;
  for (const storage::PageRecord& page : current) now.emplace(page.url, &page);
  std::vector<PageChange> changes;
  for (const std::string& url : fetched_before) {
    auto found = now.find(url);
    if (found == now.end()) {
      changes.push_back({url, "vanished"});
      continue;
    }
    const storage::PageRecord& page = *found->second;
    if (!page.error.empty()) {
      changes.push_back({url, "broke: " + page.error});
    } else if (page.skipped.empty() && page.status >= 400) {
      changes.push_back({url, fmt::format("broke: HTTP {}", page.status)});
    }
  }
  return changes;
}

}  // namespace tagdrift::drift
