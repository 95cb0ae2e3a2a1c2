// A tag's place in a tag-manager container as the report holds it: shared by every page of a
// finding that names the same container, tag, rule and resolution, as other page strings are
// (interned.h).
#pragma once

#include <cstddef>

#include "drift/interned.h"
#include "storage/history_records.h"

namespace tagdrift::drift {

using SharedContainer = Interned<storage::ContainerOriginRecord>;

struct ContainerOriginHash {
  std::size_t operator()(const storage::ContainerOriginRecord& origin) const;
};

using ContainerPool = InternPool<storage::ContainerOriginRecord, ContainerOriginHash>;

}  // namespace tagdrift::drift
