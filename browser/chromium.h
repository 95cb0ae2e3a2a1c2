// One running Chromium: started headless with its debugging pipe and a temporary profile,
// closed with Browser.close and then SIGKILL after a bound. The process is always reaped and the
// profile removed, whatever happened to the browser.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <memory>

#include "browser/devtools.h"
#include "browser/launch_options.h"

namespace tagdrift::browser {

class Chromium {
 public:
  // Starts the browser and waits (options.start_timeout) for it to answer. Throws
  // tagdrift::Error (exit 2) naming what went wrong when it does not start.
  explicit Chromium(const LaunchOptions& options);
  ~Chromium();  // close()
  Chromium(const Chromium&) = delete;
  Chromium& operator=(const Chromium&) = delete;

  DevTools& devtools() { return *devtools_; }
  pid_t pid() const { return pid_; }
  const std::filesystem::path& profile() const { return profile_; }
  // The browser's product and version, as it answered Browser.getVersion.
  const std::string& version() const { return version_; }

  // Asks the browser to close, SIGKILLs its process group after close_grace, reaps it and
  // removes the profile. Safe to call more than once and after the browser died.
  void close();

 private:
  void spawn(const LaunchOptions& options);
  void kill_and_reap();
  std::string log_tail() const;

  LaunchOptions options_;
  std::filesystem::path profile_;
  pid_t pid_ = -1;
  std::unique_ptr<DevTools> devtools_;
  std::string version_;
};

}  // namespace tagdrift::browser
