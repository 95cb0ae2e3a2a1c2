// Each command registers its flags on the app and says what to run once they are parsed.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

namespace tagdrift::cli {

// What the chosen command runs after parsing; returns the process exit code.
using Action = std::function<int()>;

void add_scan_command(CLI::App& app, Action& action);
void add_fleet_command(CLI::App& app, Action& action);
void add_signatures_command(CLI::App& app, Action& action);
void add_history_commands(CLI::App& app, Action& action);
void add_report_commands(CLI::App& app, Action& action);

}  // namespace tagdrift::cli
