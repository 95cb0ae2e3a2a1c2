#include "tests/cases/runner/json_subset.h"

#include <map>
#include <optional>

namespace tagdrift::testing {
namespace {

using nlohmann::json;

// The identity of a list element, when it is an object that has one.
std::optional<std::string> identity(const json& element) {
  if (!element.is_object()) return std::nullopt;
  for (const char* name : {"key", "url"}) {
    auto found = element.find(name);
    if (found != element.end() && found->is_string()) return found->get<std::string>();
  }
  return std::nullopt;
}

std::optional<std::map<std::string, const json*>> by_identity(const json& list) {
  std::map<std::string, const json*> out;
  for (const json& element : list) {
    auto id = identity(element);
    if (!id) return std::nullopt;
    out[*id] = &element;
  }
  return out;
}

void compare(const json& expected, const json& actual, const std::string& path,
             std::vector<std::string>& problems);

void compare_lists(const json& expected, const json& actual, const std::string& path,
                   std::vector<std::string>& problems) {
  auto want = by_identity(expected);
  auto have = by_identity(actual);
  if (!want || !have || expected.empty()) {
    if (expected != actual)
      problems.push_back(path + ": expected " + expected.dump() + ", got " + actual.dump());
    return;
  }
  for (const auto& [id, element] : *want) {
    auto found = have->find(id);
    if (found == have->end()) {
      problems.push_back(path + ": missing " + id);
    } else {
      compare(*element, *found->second, path + "[" + id + "]", problems);
    }
  }
  for (const auto& [id, element] : *have) {
    if (!want->count(id)) problems.push_back(path + ": unexpected " + id);
  }
}

void compare(const json& expected, const json& actual, const std::string& path,
             std::vector<std::string>& problems) {
  if (expected.is_object()) {
    if (!actual.is_object()) {
      problems.push_back(path + ": expected an object, got " + actual.dump());
      return;
    }
    for (const auto& [name, value] : expected.items()) {
      auto found = actual.find(name);
      if (found == actual.end()) {
        problems.push_back(path + "/" + name + ": missing");
      } else {
        compare(value, *found, path + "/" + name, problems);
      }
    }
  } else if (expected.is_array() && actual.is_array()) {
    compare_lists(expected, actual, path, problems);
  } else if (expected != actual) {
    problems.push_back(path + ": expected " + expected.dump() + ", got " + actual.dump());
  }
}

}  // namespace

std::vector<std::string> json_subset_problems(const json& expected, const json& actual) {
  std::vector<std::string> problems;
  compare(expected, actual, "", problems);
  return problems;
}

}  // namespace tagdrift::testing
