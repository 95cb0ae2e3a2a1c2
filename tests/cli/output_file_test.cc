// `-o FILE` as users write it: a report replaces a file whole, writes through a link to the file
// it names, and goes into a device or FIFO in place. Renaming a temporary over `-o /dev/null`
// once replaced the device with a plain file (as root); a FIFO stands in for the device here so
// that a regression cannot break the machine's /dev/null.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <future>
#include <sstream>
#include <string>
#include <thread>

#include "tests/cli/cli_run.h"
#include "tests/support/temp_dir.h"

namespace fs = std::filesystem;
using tagdrift::testing::ChildResult;
using tagdrift::testing::tagdrift_run;
using tagdrift::testing::TempDir;

namespace {

const std::string kSite = std::string(TAGDRIFT_FIXTURES_DIR) + "/sites/clinic";

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

ChildResult scan_to(const fs::path& output, const fs::path& dir) {
  return tagdrift_run({"scan", kSite, "--no-db", "--format", "json", "-o", output.string()}, dir);
}

}  // namespace

TEST_CASE("output file: a FIFO is written in place and stays a FIFO") {
  TempDir dir;
  const fs::path fifo = dir.path() / "report.pipe";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  // The reader does not wait for a writer to open (with the old rename the FIFO is replaced and
  // no writer ever comes): it polls for at most a minute and stops at the end of the report.
  auto reader = std::async(std::launch::async, [&] {
    const int fd = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
    std::string text;
    char buffer[4096];
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(1);
    while (fd >= 0 && std::chrono::steady_clock::now() < deadline) {
      const ssize_t n = ::read(fd, buffer, sizeof buffer);
      if (n > 0) text.append(buffer, n);
      if (n == 0 && !text.empty()) break;
      if (n <= 0) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    if (fd >= 0) ::close(fd);
    return text;
  });
  const ChildResult run = scan_to(fifo, dir.path());
  INFO("stderr: " << run.err);
  CHECK(run.exit_code == 0);
  CHECK(reader.get().find("\"findings\"") != std::string::npos);
  struct stat after {};
  REQUIRE(::lstat(fifo.c_str(), &after) == 0);
  CHECK(S_ISFIFO(after.st_mode));
  CHECK_FALSE(fs::exists(fifo.string() + ".tmp-tagdrift"));
}

TEST_CASE("output file: a link stays a link, and the file it names gets the report") {
  TempDir dir;
  fs::create_directories(dir.path() / "reports");
  const fs::path target = dir.path() / "reports" / "latest.json";
  std::ofstream(target) << "old";
  const fs::path link = dir.path() / "report.json";
  fs::create_symlink(target, link);
  const ChildResult run = scan_to(link, dir.path());
  INFO("stderr: " << run.err);
  CHECK(run.exit_code == 0);
  CHECK(fs::is_symlink(link));
  CHECK(read_file(target).find("\"findings\"") != std::string::npos);
}

TEST_CASE("output file: a plain file is replaced whole") {
  TempDir dir;
  const fs::path file = dir.path() / "report.json";
  std::ofstream(file) << std::string(100000, 'x');
  const ChildResult run = scan_to(file, dir.path());
  CHECK(run.exit_code == 0);
  const std::string text = read_file(file);
  CHECK(text.starts_with("{"));
  CHECK(text.find('x' + std::string(50, 'x')) == std::string::npos);
}
