// Names a mistyped command before CLI11 parses: its own message ("A subcommand is required") does
// not say which word it did not know, nor what was probably meant.
#pragma once

#include <CLI/CLI.hpp>

namespace tagdrift::cli {

// Throws the usage error "unknown command 'scna'; did you mean 'scan'?" when a word where a
// command (or a command's subcommand: 'signatures lst') belongs names none.
void check_command_names(const CLI::App& app, int argc, const char* const* argv);

}  // namespace tagdrift::cli
