#include "detectors/match_set.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>

namespace tagdrift::detectors {
namespace {

constexpr std::size_t kKindCount = static_cast<std::size_t>(PlaceKind::kNetwork) + 1;
constexpr std::size_t kMaxMatchesPerPattern = 64;  // one pattern, one text: enough for any page
constexpr std::size_t kPatternMemory = 2 << 20;    // one pattern's own RE2, with captures

RE2::Options regex_options(std::size_t max_mem) {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(static_cast<int64_t>(max_mem));
  return options;
}

// Keys of a JS object literal body: "em: 'x', 'ph': y" -> em, ph. Values are never kept.
const RE2& object_key_regex() {
  static const RE2 regex(R"((?:^|[,{])\s*['"]?(\w+)['"]?\s*:)");
  return regex;
}

// Calls `fn` with group 1 of each successive match of `re` in `text` (bounded, never stuck on an
// empty match).
template <typename Fn>
void for_each_group(const RE2& re, std::string_view text, Fn fn) {
  re2::StringPiece groups[2];
  std::size_t pos = 0;
  for (std::size_t n = 0; n < kMaxMatchesPerPattern && pos <= text.size(); ++n) {
    if (!re.Match(text, pos, text.size(), RE2::UNANCHORED, groups, 2)) return;
    if (groups[1].data() != nullptr) fn(std::string_view(groups[1].data(), groups[1].size()));
    std::size_t end = static_cast<std::size_t>(groups[0].data() - text.data()) + groups[0].size();
    pos = std::max(end, pos + 1);
  }
}

void add_unique(std::vector<std::string>& list, std::string value) {
  if (!value.empty() && std::find(list.begin(), list.end(), value) == list.end()) {
    list.push_back(std::move(value));
  }
}

}  // namespace

struct MatchSet::Compiled {
  std::vector<std::unique_ptr<RE2>> patterns;
  std::vector<int> id_group;                  // per pattern: the `id` group number, 0 when none
  std::vector<int> name_group;                // per pattern: the `name` group number, 0 when none
  std::vector<std::unique_ptr<RE2>> loaders;  // per pattern: its `loader`, null when none
  std::unique_ptr<RE2> format;
  std::string prefix;
  bool upper = false;
  std::vector<std::unique_ptr<RE2>> events, fields, objects;
};

struct MatchSet::KindSet {
  std::unique_ptr<RE2::Set> set;
  bool compiled = false;
  std::vector<std::pair<std::size_t, std::size_t>> members;  // set index -> (signature, pattern)
};

MatchSet::MatchSet(const std::vector<Signature>& signatures, std::size_t max_mem,
                   std::vector<std::string>& errors)
    : max_mem_(max_mem), compiled_(signatures.size()), kinds_(kKindCount) {
  for (KindSet& kind : kinds_) {
    kind.set = std::make_unique<RE2::Set>(regex_options(max_mem_), RE2::UNANCHORED);
  }
  for (std::size_t i = 0; i < signatures.size(); ++i) compile_signature(signatures[i], i, errors);
  for (KindSet& kind : kinds_) {
    if (!kind.members.empty() && !(kind.compiled = kind.set->Compile())) {
      errors.push_back("signatures: the patterns do not fit in the regex memory budget");
    }
  }
}

MatchSet::~MatchSet() = default;

void MatchSet::compile_signature(const Signature& sig, std::size_t index,
                                 std::vector<std::string>& errors) {
  Compiled& out = compiled_[index];
  out.prefix = sig.id_prefix;
  out.upper = sig.id_upper;
  auto fail = [&](unsigned line, const std::string& regex, const std::string& why) {
    errors.push_back(sig.file + ":" + std::to_string(line) + ": signature '" + sig.id +
                     "': pattern '" + regex + "': " + why);
  };
  auto compile = [&](const std::string& regex, unsigned line) -> std::unique_ptr<RE2> {
    auto re = std::make_unique<RE2>(regex, regex_options(kPatternMemory));
    if (re->ok()) return re;
    fail(line, regex, re->error());
    return nullptr;
  };
  for (std::size_t p = 0; p < sig.patterns.size(); ++p) {
    const Pattern& pattern = sig.patterns[p];
    auto re = compile(pattern.regex, pattern.line);
    if (!re) return;
    if (RE2::PartialMatch("", *re)) {  // it would match at every position of every page
      return fail(pattern.line, pattern.regex, "matches empty text");
    }
    auto named = re->NamedCapturingGroups();
    out.id_group.push_back(named.count("id") ? named.at("id") : 0);
    out.name_group.push_back(named.count("name") ? named.at("name") : 0);
    if (out.id_group.back() > 0 && out.name_group.back() > 0) {
      return fail(pattern.line, pattern.regex, "captures both 'id' and 'name'");
    }
    if (!pattern.loader.empty() && out.name_group.back() == 0) {
      return fail(pattern.line, pattern.regex, "'loader' needs a group named 'name'");
    }
    std::unique_ptr<RE2> loader;
    if (!pattern.loader.empty() && !(loader = compile(pattern.loader, pattern.line))) return;
    out.loaders.push_back(std::move(loader));
    out.patterns.push_back(std::move(re));
    for (PlaceKind kind : pattern.places) {
      KindSet& set = kinds_[static_cast<std::size_t>(kind)];
      std::string error;
      if (set.set->Add(pattern.regex, &error) < 0) return fail(pattern.line, pattern.regex, error);
      set.members.emplace_back(index, p);
    }
  }
  if (!sig.id_format.empty() && !(out.format = compile(sig.id_format, sig.line))) return;
  for (const auto& [list, target] :
       {std::pair{&sig.events, &out.events}, std::pair{&sig.enhanced_match, &out.fields},
        std::pair{&sig.enhanced_match_objects, &out.objects}}) {
    for (const std::string& regex : *list) {
      auto re = compile(regex, sig.line);
      if (re && re->NumberOfCapturingGroups() < 1) fail(sig.line, regex, "needs a capture group");
      if (re && re->NumberOfCapturingGroups() >= 1) target->push_back(std::move(re));
    }
  }
}

void MatchSet::search_pattern(std::size_t sig, std::size_t pattern, std::string_view text,
                              std::vector<MatchHit>& hits) const {
  const Compiled& compiled = compiled_[sig];
  if (pattern >= compiled.patterns.size()) return;
  const RE2& re = *compiled.patterns[pattern];
  const int id_group = compiled.id_group[pattern];
  const int name_group = compiled.name_group[pattern];
  std::vector<re2::StringPiece> groups(std::max({id_group, name_group, 0}) + 1);
  std::size_t pos = 0;
  for (std::size_t n = 0; n < kMaxMatchesPerPattern && pos <= text.size(); ++n) {
    if (!re.Match(text, pos, text.size(), RE2::UNANCHORED, groups.data(),
                  static_cast<int>(groups.size()))) {
      break;
    }
    MatchHit hit;
    hit.signature = sig;
    hit.pattern = pattern;
    hit.begin = static_cast<std::size_t>(groups[0].data() - text.data());
    hit.end = hit.begin + groups[0].size();
    if (id_group > 0 && groups[id_group].data() != nullptr) {
      hit.has_id = true;
      hit.captured_id = std::string(groups[id_group]);
    }
    if (name_group > 0 && groups[name_group].data() != nullptr) {
      hit.has_name = true;
      hit.captured_name = std::string(groups[name_group]);
    }
    hits.push_back(std::move(hit));
    pos = std::max(hits.back().end, hits.back().begin + 1);
  }
}

std::vector<MatchHit> MatchSet::match(PlaceKind kind, std::string_view text,
                                      MatchStats* stats) const {
  const KindSet& set = kinds_[static_cast<std::size_t>(kind)];
  std::vector<MatchHit> hits;
  if (set.members.empty()) return hits;
  std::vector<int> indexes;
  RE2::Set::ErrorInfo info{};
  bool fallback = false;
  if (!set.compiled ||
      (!set.set->Match(text, &indexes, &info) && info.kind != RE2::Set::kNoError)) {
    // Out of memory in the set's DFA: correctness first, run every pattern of the kind.
    fallback = true;
    indexes.resize(set.members.size());
    for (std::size_t i = 0; i < indexes.size(); ++i) indexes[i] = static_cast<int>(i);
  }
  std::sort(indexes.begin(), indexes.end());
  for (int index : indexes) {
    const auto& [sig, pattern] = set.members[static_cast<std::size_t>(index)];
    search_pattern(sig, pattern, text, hits);
  }
  if (stats != nullptr) {
    stats->full_regex_runs += indexes.size();
    stats->set_fallback = stats->set_fallback || fallback;
  }
  return hits;
}

std::vector<std::string> MatchSet::events(std::size_t signature, std::string_view text) const {
  std::vector<std::string> names;
  for (const auto& re : compiled_[signature].events) {
    for_each_group(*re, text, [&](std::string_view name) { add_unique(names, std::string(name)); });
  }
  return names;
}

std::vector<std::string> MatchSet::enhanced_match(std::size_t signature,
                                                  std::string_view text) const {
  std::vector<std::string> names;
  const Compiled& compiled = compiled_[signature];
  for (const auto& re : compiled.fields) {
    for_each_group(*re, text, [&](std::string_view name) { add_unique(names, std::string(name)); });
  }
  for (const auto& re : compiled.objects) {
    for_each_group(*re, text, [&](std::string_view body) {
      for_each_group(object_key_regex(), body,
                     [&](std::string_view key) { add_unique(names, std::string(key)); });
    });
  }
  return names;
}

bool MatchSet::loader_in(std::size_t signature, std::size_t pattern, std::string_view text) const {
  const Compiled& compiled = compiled_[signature];
  if (pattern >= compiled.loaders.size() || !compiled.loaders[pattern]) return false;
  return RE2::PartialMatch(text, *compiled.loaders[pattern]);
}

IdRules MatchSet::id_rules(std::size_t signature) const {
  const Compiled& compiled = compiled_[signature];
  return IdRules{compiled.prefix, compiled.upper, compiled.format.get()};
}

}  // namespace tagdrift::detectors
