#include "drift/page_groups.h"

#include <unordered_map>

namespace tagdrift::drift {

std::string without_query(std::string_view url) {
  return std::string(url.substr(0, url.find_first_of("?#")));
}

std::vector<PageGroup> page_groups(const std::vector<FindingPage>& pages) {
  std::vector<PageGroup> groups;
  std::unordered_map<std::string, std::size_t> index;
  for (const FindingPage& page : pages) {
    std::string url = without_query(*page.url);
    auto [it, added] = index.emplace(url, groups.size());
    if (added) groups.push_back({std::move(url), {}});
    groups[it->second].variants.push_back(&page);
  }
  return groups;
}

std::size_t distinct_pages(const std::vector<FindingPage>& pages) {
  return page_groups(pages).size();
}

}  // namespace tagdrift::drift
