// IDs passed through names in one script: a call such as ttq.load(settings.ads.tiktok) is given
// what the same script assigns to that name (tiktok: "C4ABC..."), found in one linear pass of
// RE2 over the script's text. Name lookup, not JavaScript evaluation: scopes and data flow are
// not followed.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "detectors/match_set.h"

namespace tagdrift::detectors {

struct ScriptNameLimits {
  std::size_t max_names = 16;           // distinct names looked up in one script
  std::size_t max_values = 8;           // literals kept per name
  std::size_t min_name_length = 3;      // shorter last names are minified locals: never looked up
  std::size_t max_assignments = 20000;  // assignments of the wanted names read in one script
};

// For each name (an identifier or dotted path), the distinct string literals `script` assigns
// to it, in script order: `name = "…"`, `name: "…"`, `"name": "…"`, `a.b.name = '…'`. An
// assignment to the same dotted path wins over one that only shares the last name; without one,
// every assignment to the last name counts. A name with no literal is absent.
std::map<std::string, std::vector<std::string>> assigned_literals(
    std::string_view script, const std::vector<std::string>& names,
    const ScriptNameLimits& limits = {});

// `hits` with the names they captured looked up in `script`: a hit whose name holds literals
// becomes one hit per literal, carrying it as its captured ID; a name without one stays a hit
// with no ID. Other hits pass unchanged.
std::vector<MatchHit> with_assigned_literals(std::vector<MatchHit> hits, std::string_view script,
                                             const ScriptNameLimits& limits = {});

}  // namespace tagdrift::detectors
