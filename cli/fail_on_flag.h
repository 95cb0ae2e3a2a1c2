// The --fail-on value check shared by `scan`, `report` and `diff`: a bad or empty value is a
// usage error at parse time, before any database is opened.
#pragma once

#include <CLI/CLI.hpp>

namespace tagdrift::cli {

CLI::Validator fail_on_validator();

}  // namespace tagdrift::cli
