#include "drift/unread_scripts.h"

#include <algorithm>
#include <map>
#include <set>

namespace tagdrift::drift {

std::vector<UnreadScript> unread_scripts(const std::vector<storage::UnreadScriptRecord>& records,
                                         const Previous* previous) {
  std::map<std::string, UnreadScript> by_url;
  for (const storage::UnreadScriptRecord& record : records) {
    auto [it, added] = by_url.try_emplace(record.url);
    UnreadScript& script = it->second;
    if (added) {
      script = {record.url, record.reason, record.detail, {}, false};
      script.newly = previous != nullptr && previous->unread.count(record.url) == 0;
    }
    script.pages.push_back(record.page_url);
  }
  std::vector<UnreadScript> out;
  out.reserve(by_url.size());
  for (auto& [url, script] : by_url) {
    std::sort(script.pages.begin(), script.pages.end());
    script.pages.erase(std::unique(script.pages.begin(), script.pages.end()), script.pages.end());
    out.push_back(std::move(script));
  }
  return out;
}

std::vector<std::string> read_again(const Previous& previous, const std::vector<UnreadScript>& now,
                                    const std::vector<std::string>& read) {
  std::set<std::string> unread_now;
  for (const UnreadScript& script : now) unread_now.insert(script.url);
  const std::set<std::string> read_now(read.begin(), read.end());
  std::vector<std::string> out;
  for (const std::string& url : previous.unread) {
    if (unread_now.count(url) == 0 && read_now.count(url) > 0) out.push_back(url);
  }
  return out;  // sorted: a std::set's order
}

}  // namespace tagdrift::drift
