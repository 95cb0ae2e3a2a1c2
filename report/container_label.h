// How the formats name a tag's tag-manager container: the container, its version and the tag in
// it ("GTM-AB12CD v42, tag 17 __bzi, fires on All Pages, ID from constant (macro 4)"), each one
// a finding's pages name once, and a container published at a new version since the last scan.
#pragma once

#include <string>
#include <vector>

#include "drift/report_model.h"
#include "storage/history_records.h"

namespace tagdrift::report {

// One line, unescaped (each format escapes it as it escapes any page text).
std::string container_text(const storage::ContainerOriginRecord& origin);

// The distinct container origins of `finding`'s pages, in page order: a finding on every page
// of a site names its one tag once.
std::vector<const storage::ContainerOriginRecord*> finding_containers(
    const drift::Finding& finding);

// "GTM-AB12CD version 41 → 42".
std::string version_change_text(const drift::ContainerVersion& container);

// The report's containers whose version changed since the previous scan.
std::vector<const drift::ContainerVersion*> changed_containers(const drift::Report& report);

}  // namespace tagdrift::report
