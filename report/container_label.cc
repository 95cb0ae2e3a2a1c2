#include "report/container_label.h"

#include <fmt/format.h>

#include <algorithm>

#include "drift/container_versions.h"

namespace tagdrift::report {
namespace {

std::string firing_text(const std::string& firing) {
  if (firing.starts_with("with ")) return "fires " + firing;  // a setup or teardown tag
  return "fires on " + firing;
}

std::string resolved_text(const std::string& resolved) {
  if (resolved == "literal") return "ID written in the tag";
  if (resolved == "no ID visible") return resolved;
  return "ID from " + resolved;
}

}  // namespace

std::string container_text(const storage::ContainerOriginRecord& origin) {
  std::string text = origin.container_id.empty() ? "container" : origin.container_id;
  if (!origin.version.empty()) text += " v" + origin.version;
  if (origin.tag_id >= 0) text += fmt::format(", tag {}", origin.tag_id);
  if (!origin.template_name.empty())
    text += (origin.tag_id >= 0 ? " " : ", ") + origin.template_name;
  if (!origin.firing.empty()) text += ", " + firing_text(origin.firing);
  if (!origin.resolved.empty()) text += ", " + resolved_text(origin.resolved);
  return text;
}

std::vector<const storage::ContainerOriginRecord*> finding_containers(
    const drift::Finding& finding) {
  std::vector<const storage::ContainerOriginRecord*> origins;
  for (const drift::FindingPage& page : finding.pages) {
    if (page.container.empty()) continue;
    const storage::ContainerOriginRecord* origin = &*page.container;
    auto same = [&](const storage::ContainerOriginRecord* seen) {
      return seen == origin || *seen == *origin;
    };
    if (std::none_of(origins.begin(), origins.end(), same)) origins.push_back(origin);
  }
  return origins;
}

std::string version_change_text(const drift::ContainerVersion& container) {
  return fmt::format("{} version {} \u2192 {}", container.container_id, container.previous_version,
                     container.version);
}

std::vector<const drift::ContainerVersion*> changed_containers(const drift::Report& report) {
  std::vector<const drift::ContainerVersion*> changed;
  for (const drift::ContainerVersion& container : report.containers) {
    if (drift::version_changed(container)) changed.push_back(&container);
  }
  return changed;
}

}  // namespace tagdrift::report
