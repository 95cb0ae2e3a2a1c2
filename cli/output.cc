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

}  // namespace

void check_output_writable(const std::string& path) {
  if (path.empty() || path == "-") return;
  const std::string temporary = temporary_for(path);
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
  std::string temporary = temporary_for(path);
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
  std::filesystem::rename(temporary, path, error);
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
