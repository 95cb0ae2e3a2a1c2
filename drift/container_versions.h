// The tag-manager containers a scan decoded, each with the version the previous scan read at the
// same URL: a published change of the container shows in the report even when no tag changed.
#pragma once

#include <vector>

#include "drift/report_model.h"
#include "storage/history_records.h"

namespace tagdrift::drift {

// One entry per container of `now`, sorted by container ID then URL; previous_version is set
// when `before` (the previous scan's containers, null when there was none) read the same URL.
std::vector<ContainerVersion> container_versions(
    const std::vector<storage::ContainerRecord>& now,
    const std::vector<storage::ContainerRecord>* before);

// True when the previous scan read this container at another version.
bool version_changed(const ContainerVersion& container);

}  // namespace tagdrift::drift
