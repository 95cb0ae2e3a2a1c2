#include "browser/chromium_binary.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <string>

#include "tests/support/child_process.h"
#include "tests/support/chromium.h"
#include "tests/support/temp_dir.h"

namespace {

using tagdrift::browser::find_chromium;

// Sets an environment variable for one scope and restores what was there.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const std::string& value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    ::setenv(name, value.c_str(), 1);
  }
  ~ScopedEnv() { old_ ? ::setenv(name_, old_->c_str(), 1) : ::unsetenv(name_); }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  const char* name_;
  std::optional<std::string> old_;
};

std::filesystem::path write_program(const std::filesystem::path& path, bool executable) {
  std::ofstream(path) << "#!/bin/sh\n";
  std::filesystem::permissions(
      path, executable ? std::filesystem::perms::owner_all : std::filesystem::perms::owner_read);
  return path;
}

}  // namespace

TEST_CASE("find_chromium: TAGDRIFT_CHROMIUM names the program, and must be executable") {
  tagdrift::testing::TempDir dir;
  const auto program = write_program(dir.path() / "my-chromium", true);
  ScopedEnv chosen("TAGDRIFT_CHROMIUM", program.string());
  CHECK(find_chromium() == program);

  const auto not_executable = write_program(dir.path() / "plain-file", false);
  ScopedEnv unusable("TAGDRIFT_CHROMIUM", not_executable.string());
  CHECK_FALSE(find_chromium().has_value());
}

TEST_CASE("find_chromium: PATH is searched for the headless shell before the full browser") {
  tagdrift::testing::TempDir dir;
  std::filesystem::create_directories(dir.path() / "a");
  std::filesystem::create_directories(dir.path() / "b");
  const auto full = write_program(dir.path() / "a" / "chromium", true);
  ScopedEnv no_choice("TAGDRIFT_CHROMIUM", "");
  ScopedEnv path("PATH", (dir.path() / "a").string() + ":" + (dir.path() / "b").string());
  CHECK(find_chromium() == full);

  const auto shell = write_program(dir.path() / "b" / "chromium-headless-shell", true);
  CHECK(find_chromium() == shell);
}

TEST_CASE("find_chromium: nothing on PATH is nothing found") {
  tagdrift::testing::TempDir dir;
  ScopedEnv no_choice("TAGDRIFT_CHROMIUM", "");
  ScopedEnv path("PATH", dir.path().string());
  CHECK_FALSE(find_chromium().has_value());
}

TEST_CASE("find_chromium: the installed browser is found and says its version") {
  const auto chromium = tagdrift::testing::chromium_for_test();
  if (!chromium) return;
  tagdrift::testing::TempDir logs;
  const auto run = tagdrift::testing::run_child({chromium->string(), "--version"}, logs.path());
  CHECK(run.exit_code == 0);
  CHECK(run.out.find("Chromium") != std::string::npos);
}
