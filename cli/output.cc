#include "cli/output.h"

#include <fmt/core.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "util/error.h"

namespace tagdrift::cli {

namespace {

std::string temporary_for(const std::string& path) { return path + ".tmp-tagdrift"; }

// True when `path` exists and is not a regular file (after links): a device such as /dev/null or
// /dev/stdout, a FIFO or a socket. Such a file is written in place; renaming a temporary over it
// would replace the device with a file (as root, /dev/null itself).
bool is_special_file(const std::string& path) {
  std::error_code error;
  const auto status = std::filesystem::status(path, error);
  return !error && std::filesystem::exists(status) && !std::filesystem::is_regular_file(status) &&
         !std::filesystem::is_directory(status);
}

// The file a link names, so that the temporary goes beside it and the rename keeps the link.
std::string through_links(const std::string& path) {
  std::error_code error;
  if (!std::filesystem::is_symlink(std::filesystem::symlink_status(path, error))) return path;
  const auto target = std::filesystem::weakly_canonical(path, error);
  return error ? path : target.string();
}

void write_in_place(const std::string& path, const std::function<void(std::ostream&)>& write) {
  std::ofstream out(path, std::ios::binary);
  if (!out) throw usage_error("cannot write --output file: " + path);
  write(out);
  out.flush();
  if (!out) throw usage_error("cannot write --output file: " + path);
}

}  // namespace

void check_output_writable(const std::string& path) {
  if (path.empty() || path == "-") return;
  if (is_special_file(path)) {
    // Opening a FIFO would wait for its reader, and the reader would take the close as the end.
    if (::access(path.c_str(), W_OK) != 0) throw usage_error("cannot write --output file: " + path);
    return;
  }
  const std::string temporary = temporary_for(through_links(path));
  const bool existed = std::filesystem::exists(temporary);
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::app);
    if (!out) throw usage_error("cannot write --output file: " + path);
  }
  if (!existed) std::remove(temporary.c_str());
}

void write_output(const std::string& path, const std::function<void(std::ostream&)>& write) {
  if (path.empty() || path == "-") {
    write(std::cout);
    std::cout.flush();
    return;
  }
  if (is_special_file(path)) return write_in_place(path, write);
  const std::string file = through_links(path);
  std::string temporary = temporary_for(file);
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) throw usage_error("cannot write --output file: " + path);
    write(out);
    out.flush();
    if (!out) {
      std::remove(temporary.c_str());
      throw usage_error("cannot write --output file: " + path);
    }
  }
  std::error_code error;
  std::filesystem::rename(temporary, file, error);
  if (error) {
    std::remove(temporary.c_str());
    throw usage_error("cannot write --output file: " + path + ": " + error.message());
  }
}

bool stdout_wants_color() {
  const char* no_color = std::getenv("NO_COLOR");
  return isatty(STDOUT_FILENO) == 1 && (no_color == nullptr || *no_color == '\0');
}

void print_warning(const std::string& what) { fmt::print(stderr, "tagdrift: warning: {}\n", what); }

}  // namespace tagdrift::cli
