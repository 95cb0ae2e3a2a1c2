// The tagdrift command: parses flags into options and calls one library function per command.
#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include <cstdio>

#include "util/error.h"
#include "util/version.h"

int main(int argc, char** argv) {
  using tagdrift::ExitCode;
  CLI::App app{"tagdrift: find tracking tags on a website and flag what drifts"};
  app.set_version_flag("--version", std::string("tagdrift ") + tagdrift::version());
  app.require_subcommand(1);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return e.get_exit_code() == 0 ? app.exit(e) : (app.exit(e), static_cast<int>(ExitCode::kUsage));
  } catch (const tagdrift::Error& e) {
    fmt::print(stderr, "tagdrift: {}\n", e.what());
    return static_cast<int>(e.code());
  }
  return 0;
}
