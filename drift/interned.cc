#include "drift/interned.h"

#include <string_view>

namespace tagdrift::drift {

std::size_t NamesHash::operator()(const std::vector<std::string>& names) const {
  std::size_t hash = names.size();
  for (const std::string& name : names) {
    // Mixed with the golden ratio and shifts, so that {"a", "b"} and {"b", "a"} differ.
    hash ^= std::hash<std::string_view>()(name) + 0x9e3779b97f4a7c15ULL + (hash << 6) + (hash >> 2);
  }
  return hash;
}

}  // namespace tagdrift::drift
