#include "detectors/script_names.h"

#include <re2/re2.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <utility>

namespace tagdrift::detectors {
namespace {

constexpr std::size_t kMaxLiteral = 256;  // longer strings are text, not IDs
constexpr int64_t kRegexMemory = 8 << 20;

std::string_view last_name(std::string_view path) {
  const std::size_t dot = path.rfind('.');
  return dot == std::string_view::npos ? path : path.substr(dot + 1);
}

// One regex for every wanted last name: a target (dotted path, maybe quoted as an object key)
// ending in one of them, `=` or `:`, then a string literal. Group 1 is the target, groups 2-4
// the literal's text in double quotes, single quotes or backquotes (without substitutions).
std::unique_ptr<RE2> assignment_regex(const std::vector<std::string_view>& last_names) {
  std::string alternatives;
  for (std::string_view name : last_names) {
    if (!alternatives.empty()) alternatives += '|';
    alternatives += RE2::QuoteMeta(re2::StringPiece(name.data(), name.size()));
  }
  // A counted repeat ({1,256}) would copy the class 256 times into the program: the length is
  // checked after the match instead.
  const std::string regex =
      R"re((?:^|[^\w$.])((?:[A-Za-z_$][\w$]*\.)*(?:)re" + alternatives +
      R"re())['"]?\s*[:=]\s*(?:"([^"\\\r\n]+)"|'([^'\\\r\n]+)'|`([^`$\\\r\n]+)`))re";
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(kRegexMemory);
  auto compiled = std::make_unique<RE2>(regex, options);
  return compiled->ok() ? std::move(compiled) : nullptr;
}

void add_value(std::vector<std::string>& values, std::string_view value, std::size_t max) {
  if (values.size() >= max) return;
  if (std::find(values.begin(), values.end(), value) == values.end()) {
    values.emplace_back(value);
  }
}

}  // namespace

std::map<std::string, std::vector<std::string>> assigned_literals(
    std::string_view script, const std::vector<std::string>& names,
    const ScriptNameLimits& limits) {
  std::vector<std::string_view> wanted, last_names;
  for (const std::string& name : names) {
    if (wanted.size() >= limits.max_names) break;
    if (last_name(name).size() < limits.min_name_length) continue;
    if (std::find(wanted.begin(), wanted.end(), name) != wanted.end()) continue;
    wanted.push_back(name);
    if (std::find(last_names.begin(), last_names.end(), last_name(name)) == last_names.end()) {
      last_names.push_back(last_name(name));
    }
  }
  std::map<std::string, std::vector<std::string>> exact, shared;
  if (wanted.empty()) return exact;
  std::unique_ptr<RE2> regex = assignment_regex(last_names);
  if (!regex) return exact;
  re2::StringPiece groups[5];
  std::size_t pos = 0;
  for (std::size_t n = 0; n < limits.max_assignments && pos < script.size(); ++n) {
    if (!regex->Match(script, pos, script.size(), RE2::UNANCHORED, groups, 5)) break;
    pos = static_cast<std::size_t>(groups[0].data() - script.data()) + groups[0].size();
    const std::string_view target(groups[1].data(), groups[1].size());
    std::string_view value;
    for (int g = 2; g <= 4 && value.empty(); ++g) {
      if (groups[g].data() != nullptr) value = std::string_view(groups[g].data(), groups[g].size());
    }
    if (value.size() > kMaxLiteral) continue;  // text, not an ID
    for (std::string_view name : wanted) {
      if (last_name(name) != last_name(target)) continue;
      add_value((target == name ? exact : shared)[std::string(name)], value, limits.max_values);
    }
  }
  for (auto& [name, values] : shared) exact.try_emplace(name, std::move(values));
  return exact;
}

std::vector<MatchHit> with_assigned_literals(std::vector<MatchHit> hits, std::string_view script,
                                             const ScriptNameLimits& limits) {
  std::vector<std::string> names;
  for (const MatchHit& hit : hits) {
    if (hit.has_name && !hit.has_id) names.push_back(hit.captured_name);
  }
  if (names.empty()) return hits;
  const auto literals = assigned_literals(script, names, limits);
  std::vector<MatchHit> out;
  out.reserve(hits.size());
  for (MatchHit& hit : hits) {
    auto found = hit.has_name && !hit.has_id ? literals.find(hit.captured_name) : literals.end();
    if (found == literals.end()) {
      out.push_back(std::move(hit));
      continue;
    }
    for (const std::string& value : found->second) {
      MatchHit one = hit;
      one.has_id = true;
      one.captured_id = value;
      out.push_back(std::move(one));
    }
  }
  return out;
}

}  // namespace tagdrift::detectors
