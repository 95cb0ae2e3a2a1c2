#include "browser/chromium.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <thread>

#include "browser/devtools_error.h"
#include "util/error.h"

extern char** environ;

namespace tagdrift::browser {
namespace {

// The DevTools pipe's fds in the browser, fixed by --remote-debugging-pipe.
constexpr int kBrowserReads = 3;
constexpr int kBrowserWrites = 4;

std::filesystem::path make_profile() {
  std::string pattern =
      (std::filesystem::temp_directory_path() / "tagdrift-chromium-XXXXXX").string();
  if (!::mkdtemp(pattern.data()))
    throw Error(ExitCode::kUsage,
                "cannot make a browser profile: " + std::string(std::strerror(errno)));
  return pattern;
}

// A connected pair: ours stays here, theirs (moved above the fds the browser expects, so that
// placing it on 3 or 4 cannot overwrite the other) goes to the browser. Sockets rather than
// pipes: a write to a browser that died is then an error (MSG_NOSIGNAL), not a SIGPIPE.
std::pair<UniqueFd, UniqueFd> channel() {
  int fds[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0)
    throw Error(ExitCode::kUsage,
                "cannot make the browser's pipe: " + std::string(std::strerror(errno)));
  UniqueFd ours(fds[0]), low(fds[1]);
  UniqueFd theirs(::fcntl(low.get(), F_DUPFD_CLOEXEC, 10));
  if (!theirs) throw Error(ExitCode::kUsage, "cannot make the browser's pipe");
  return {std::move(ours), std::move(theirs)};
}

// posix_spawn's file actions and attributes, freed however the spawn ends.
struct SpawnSetup {
  posix_spawn_file_actions_t actions;
  posix_spawnattr_t attributes;
  SpawnSetup() {
    posix_spawn_file_actions_init(&actions);
    posix_spawnattr_init(&attributes);
  }
  ~SpawnSetup() {
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
  }
};

}  // namespace

Chromium::Chromium(const LaunchOptions& options) : options_(options), profile_(make_profile()) {
  try {
    spawn(options);
    const auto version =
        devtools_->call("Browser.getVersion", nlohmann::json::object(), {}, options.start_timeout);
    version_ = version.value("product", std::string());
  } catch (const DevToolsError& error) {
    kill_and_reap();
    const std::string tail = log_tail();
    devtools_.reset();
    std::error_code ignored;
    std::filesystem::remove_all(profile_, ignored);
    throw Error(ExitCode::kUsage, "Chromium did not start (" + std::string(error.what()) + ")" +
                                      (tail.empty() ? "" : ": " + tail) + ": " +
                                      options.program.string());
  } catch (...) {
    kill_and_reap();
    devtools_.reset();
    std::error_code ignored;
    std::filesystem::remove_all(profile_, ignored);
    throw;
  }
}

Chromium::~Chromium() { close(); }

void Chromium::spawn(const LaunchOptions& options) {
  auto [to_browser, browser_reads] = channel();
  auto [from_browser, browser_writes] = channel();
  SpawnSetup setup;
  const auto log = (profile_ / "chromium.log").string();
  posix_spawn_file_actions_addopen(&setup.actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&setup.actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&setup.actions, 2, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0600);
  posix_spawn_file_actions_adddup2(&setup.actions, browser_reads.get(), kBrowserReads);
  posix_spawn_file_actions_adddup2(&setup.actions, browser_writes.get(), kBrowserWrites);
  // Its own process group, so that a kill reaches its renderers and zygote too.
  posix_spawnattr_setflags(&setup.attributes, POSIX_SPAWN_SETPGROUP);
  posix_spawnattr_setpgroup(&setup.attributes, 0);

  const auto args = chromium_arguments(options, profile_);
  std::vector<char*> argv;
  for (const auto& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  const int failed = ::posix_spawn(&pid_, options.program.c_str(), &setup.actions,
                                   &setup.attributes, argv.data(), environ);
  if (failed != 0) {
    pid_ = -1;
    throw Error(ExitCode::kUsage, "cannot start Chromium (" + std::string(std::strerror(failed)) +
                                      "): " + options.program.string());
  }
  devtools_ = std::make_unique<DevTools>(std::move(to_browser), std::move(from_browser));
}

void Chromium::close() {
  if (pid_ < 0 && !devtools_) return;
  if (devtools_ && !devtools_->closed() && pid_ > 0) {
    try {
      devtools_->send("Browser.close");
    } catch (const DevToolsError&) {
      // Gone already: the kill below finds it exited.
    }
  }
  kill_and_reap();
  devtools_.reset();
  std::error_code ignored;
  std::filesystem::remove_all(profile_, ignored);
}

void Chromium::kill_and_reap() {
  if (pid_ <= 0) return;
  const auto deadline = Clock::now() + options_.close_grace;
  for (;;) {
    siginfo_t info{};
    // WNOWAIT: the browser stays a zombie, so its id (and its group's) cannot be reused before
    // the group is killed below.
    if (::waitid(P_PID, static_cast<id_t>(pid_), &info, WEXITED | WNOHANG | WNOWAIT) == 0 &&
        info.si_pid == pid_)
      break;
    if (Clock::now() >= deadline) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ::kill(-pid_, SIGKILL);
  int status = 0;
  while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  pid_ = -1;
}

std::string Chromium::log_tail() const {
  std::ifstream in(profile_ / "chromium.log");
  std::string line, last;
  while (std::getline(in, line))
    if (line.find_first_not_of(" \t\r") != std::string::npos) last = line;
  if (last.size() > 300) last.resize(300);
  return last;
}

}  // namespace tagdrift::browser
