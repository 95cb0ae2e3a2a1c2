#include "cli/output.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "util/error.h"

namespace tagdrift::cli {

void write_output(const std::string& path, const std::function<void(std::ostream&)>& write) {
  if (path.empty() || path == "-") {
    write(std::cout);
    std::cout.flush();
    return;
  }
  std::string temporary = path + ".tmp-tagdrift";
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

}  // namespace tagdrift::cli
