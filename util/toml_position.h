// Where in a TOML file something is, as the one-line errors of the policy and sites files say it.
#pragma once

#include <toml++/toml.h>

#include <string>

namespace tagdrift {

// "FILE:LINE:COLUMN" of the start of `at`.
std::string toml_where(const std::string& file, const toml::source_region& at);

// Throws the one-line usage error (exit 2) "FILE:LINE:COLUMN: what".
[[noreturn]] void toml_fail_at(const std::string& file, const toml::source_region& at,
                               const std::string& what);

}  // namespace tagdrift
