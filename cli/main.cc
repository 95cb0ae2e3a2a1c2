// The tagdrift command: parses flags into options and calls one library function per command.
#include <fmt/core.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <clocale>
#include <cstdio>
#include <new>
#include <string>

#include "cli/command_names.h"
#include "cli/commands.h"
#include "util/error.h"
#include "util/version.h"

namespace {

int run(int argc, char** argv) {
  // libcurl converts international host names to punycode only under a UTF-8 locale.
  std::setlocale(LC_CTYPE, "C.UTF-8");
  using tagdrift::ExitCode;
  CLI::App app{"tagdrift: find the tracking tags on a website and flag what drifts"};
  app.set_version_flag("--version", std::string("tagdrift ") + tagdrift::version());
  app.require_subcommand(1);
  tagdrift::cli::Action action;
  tagdrift::cli::add_scan_command(app, action);
  tagdrift::cli::add_fleet_command(app, action);
  tagdrift::cli::add_signatures_command(app, action);
  tagdrift::cli::add_history_commands(app, action);
  tagdrift::cli::add_report_commands(app, action);
  tagdrift::cli::check_command_names(app, argc, argv);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
    // One line, like every other error that ends a command (CLI11's own message adds a second).
    std::string message = e.what();
    std::replace(message.begin(), message.end(), '\n', ' ');
    fmt::print(stderr, "tagdrift: {} (see --help)\n", message);
    return static_cast<int>(ExitCode::kUsage);
  }
  return action ? action() : static_cast<int>(ExitCode::kUsage);
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const tagdrift::Error& e) {
    fmt::print(stderr, "tagdrift: {}\n", e.what());
    return static_cast<int>(e.code());
  } catch (const std::bad_alloc&) {
    fmt::print(stderr, "tagdrift: out of memory\n");
    return static_cast<int>(tagdrift::ExitCode::kTargetFailed);
  } catch (const std::exception& e) {
    fmt::print(stderr, "tagdrift: internal error: {}\n", e.what());
    return static_cast<int>(tagdrift::ExitCode::kTargetFailed);
  }
}
