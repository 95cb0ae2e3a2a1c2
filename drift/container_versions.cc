#include "drift/container_versions.h"

#include <algorithm>
#include <map>
#include <string>
#include <string_view>

namespace tagdrift::drift {

std::vector<ContainerVersion> container_versions(
    const std::vector<storage::ContainerRecord>& now,
    const std::vector<storage::ContainerRecord>* before) {
  std::map<std::string_view, std::string_view> previous;  // by URL
  if (before != nullptr) {
    for (const storage::ContainerRecord& container : *before) {
      previous.emplace(container.url, container.version);
    }
  }
  std::vector<ContainerVersion> versions;
  versions.reserve(now.size());
  for (const storage::ContainerRecord& container : now) {
    ContainerVersion& version = versions.emplace_back();
    version.url = container.url;
    version.container_id = container.container_id;
    version.version = container.version;
    if (auto found = previous.find(container.url); found != previous.end()) {
      version.previous_version = found->second;
    }
  }
  std::sort(versions.begin(), versions.end(), [](const auto& a, const auto& b) {
    return a.container_id != b.container_id ? a.container_id < b.container_id : a.url < b.url;
  });
  return versions;
}

bool version_changed(const ContainerVersion& container) {
  return !container.previous_version.empty() && container.previous_version != container.version;
}

}  // namespace tagdrift::drift
