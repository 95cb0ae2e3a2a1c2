// Runs a program as a child process, its stdout and stderr captured in files, and reports how it
// ended with what wait4() says it cost (wall time, peak RSS). Tests of the real binary use it.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace tagdrift::testing {

struct ChildResult {
  int exit_code = -1;      // when the child exited
  int signal = 0;          // when a signal ended it
  bool timed_out = false;  // the watchdog killed it
  double seconds = 0;      // wall time from spawn to reaped
  long max_rss_kb = 0;     // ru_maxrss of the child
  std::string out;         // everything it wrote to stdout
  std::string err;         // everything it wrote to stderr
};

// Forks the helper process that starts and reaps every child, if it is not running yet. Call it
// while this process is still small (a static initializer): a child's ru_maxrss includes the
// helper's size when it spawned the child. Children are then waited for one at a time.
void start_spawner();

// A running child. Its output goes to files under `log_dir`; `extra_env` ("NAME=value") is added
// to this process's environment for the child only.
class Child {
 public:
  Child(const std::vector<std::string>& argv, const std::filesystem::path& log_dir,
        const std::vector<std::string>& extra_env = {});
  ~Child();
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;

  pid_t pid() const { return pid_; }
  // Sends `signal` if the child has not been reaped yet.
  void kill(int signal);
  // Waits for the child, killing it with SIGKILL once `limit` has passed.
  ChildResult wait(std::chrono::milliseconds limit);

 private:
  pid_t pid_ = -1;
  bool reaped_ = false;
  std::filesystem::path out_path_, err_path_;
  std::chrono::steady_clock::time_point started_;
};

// Runs `argv` to the end (or the watchdog `limit`) and returns how it went.
ChildResult run_child(const std::vector<std::string>& argv, const std::filesystem::path& log_dir,
                      const std::vector<std::string>& extra_env = {},
                      std::chrono::milliseconds limit = std::chrono::seconds(90));

}  // namespace tagdrift::testing
