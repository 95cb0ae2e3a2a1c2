#include "drift/container_origin.h"

#include <functional>
#include <string_view>

namespace tagdrift::drift {

std::size_t ContainerOriginHash::operator()(const storage::ContainerOriginRecord& origin) const {
  std::size_t hash = std::hash<int>()(origin.tag_id);
  for (std::string_view part :
       {std::string_view(origin.container_id), std::string_view(origin.version),
        std::string_view(origin.template_name), std::string_view(origin.firing),
        std::string_view(origin.resolved)}) {
    hash ^= std::hash<std::string_view>()(part) + 0x9e3779b97f4a7c15ULL + (hash << 6) + (hash >> 2);
  }
  return hash;
}

}  // namespace tagdrift::drift
