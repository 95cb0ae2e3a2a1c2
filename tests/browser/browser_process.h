// The browser's own process under Chromium's pid: Debian's chromium-headless-shell is a shell
// script that runs the browser as its child. Tests kill it to stand for a browser crash.
#pragma once

#include <sys/types.h>

#include <fstream>
#include <string>

namespace tagdrift::testing {

inline pid_t browser_process(pid_t launched) {
  const auto id = std::to_string(launched);
  std::ifstream children("/proc/" + id + "/task/" + id + "/children");
  pid_t child = 0;
  if (children >> child && child > 0) return child;
  return launched;
}

}  // namespace tagdrift::testing
