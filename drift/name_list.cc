#include "drift/name_list.h"

#include <algorithm>

namespace tagdrift::drift {

bool contains(const std::vector<std::string>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

void append_unique(std::vector<std::string>& names, const std::string& name) {
  if (!contains(names, name)) names.push_back(name);
}

void append_unique(std::vector<std::string>& names, const std::vector<std::string>& more) {
  for (const std::string& name : more) append_unique(names, name);
}

std::vector<std::string> missing_from(const std::vector<std::string>& names,
                                      const std::vector<std::string>& others) {
  std::vector<std::string> out;
  for (const std::string& name : names) {
    if (!contains(others, name)) append_unique(out, name);
  }
  return out;
}

std::string joined(const std::vector<std::string>& names, std::string_view separator) {
  std::string out;
  for (const std::string& name : names) {
    if (!out.empty()) out += separator;
    out += name;
  }
  return out;
}

std::string count_of(std::size_t count, std::string_view noun) {
  return std::to_string(count) + " " + std::string(noun) + (count == 1 ? "" : "s");
}

}  // namespace tagdrift::drift
