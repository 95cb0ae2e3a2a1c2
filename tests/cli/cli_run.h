// Runs the built `tagdrift` the way a user does (argument lists, or a command line typed into a
// shell in a folder), and the checks a refused command must pass: its exit code and its one line.
#pragma once

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/support/child_process.h"

namespace tagdrift::testing {

inline const bool kCliSpawnerStarted = (start_spawner(), true);

// `tagdrift ARGS...`, its output captured in files under `dir`.
inline ChildResult tagdrift_run(const std::vector<std::string>& args,
                                const std::filesystem::path& dir) {
  std::vector<std::string> argv = {TAGDRIFT_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_child(argv, dir, {}, std::chrono::seconds(60));
}

// `command_line` run by /bin/sh in `cwd`, with the built `tagdrift` first on PATH, as a user
// types it; the shell's output captured under `log_dir`.
inline ChildResult shell_run(const std::string& command_line, const std::filesystem::path& cwd,
                             const std::filesystem::path& log_dir) {
  const std::string bin = std::filesystem::path(TAGDRIFT_BINARY).parent_path().string();
  const std::string script =
      "PATH='" + bin + "':\"$PATH\"; export PATH; cd '" + cwd.string() + "' && " + command_line;
  return run_child({"/bin/sh", "-c", script}, log_dir, {}, std::chrono::seconds(90));
}

// A command refused with `code`, nothing on stdout and exactly the line "tagdrift: `message`".
inline void check_refused(const ChildResult& run, int code, const std::string& message) {
  INFO("stderr: " << run.err);
  CHECK(run.exit_code == code);
  CHECK(run.out.empty());
  CHECK(run.err == "tagdrift: " + message + "\n");
}

}  // namespace tagdrift::testing
