#include "tests/support/child_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <mutex>
#include <stdexcept>

#include "tests/support/temp_dir.h"

extern char** environ;

namespace tagdrift::testing {
namespace {

// Children are started and reaped by a small helper process (the spawner), forked from this
// one as early as possible. Linux carries the peak RSS of the memory image a program replaces
// into its ru_maxrss at exec: spawned from the test process itself, a child would report the
// test's own peak (hundreds of MiB after building a hostile page), not its own.
struct WaitReply {
  int status = 0;
  rusage usage{};
};

std::string join(const std::vector<std::string>& fields) {
  std::string message;
  for (const auto& field : fields) message.append(field).push_back('\0');
  return message;
}

std::vector<std::string> split(const char* data, std::size_t size) {
  std::vector<std::string> fields;
  std::size_t start = 0;
  for (std::size_t i = 0; i < size; ++i) {
    if (data[i] == '\0') {
      fields.emplace_back(data + start, i - start);
      start = i + 1;
    }
  }
  return fields;
}

std::vector<char*> c_strings(std::vector<std::string>& strings) {
  std::vector<char*> pointers;
  for (auto& s : strings) pointers.push_back(s.data());
  pointers.push_back(nullptr);
  return pointers;
}

// In the spawner: fields are "spawn", out path, err path, argc, argv..., env...
pid_t spawn_from_fields(std::vector<std::string> fields) {
  const std::size_t argc = std::stoul(fields.at(3));
  std::vector<std::string> args(fields.begin() + 4, fields.begin() + 4 + argc);
  std::vector<std::string> env(fields.begin() + 4 + argc, fields.end());
  auto arg_pointers = c_strings(args);
  auto env_pointers = c_strings(env);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, fields[1].c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, fields[2].c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
  pid_t pid = -1;
  int rc = posix_spawn(&pid, arg_pointers[0], &actions, nullptr, arg_pointers.data(),
                       env_pointers.data());
  posix_spawn_file_actions_destroy(&actions);
  return rc == 0 ? pid : -rc;
}

[[noreturn]] void serve_spawns(int fd) {
  static char buffer[1 << 20];
  while (true) {
    ssize_t size = recv(fd, buffer, sizeof buffer, 0);
    if (size <= 0) _exit(0);  // the test process is gone
    auto fields = split(buffer, static_cast<std::size_t>(size));
    if (fields.empty()) _exit(1);
    if (fields[0] == "spawn") {
      pid_t pid = spawn_from_fields(std::move(fields));
      if (send(fd, &pid, sizeof pid, 0) != sizeof pid) _exit(1);
    } else {
      WaitReply reply;
      pid_t pid = std::stoi(fields.at(1));
      while (wait4(pid, &reply.status, 0, &reply.usage) < 0 && errno == EINTR) {
      }
      if (send(fd, &reply, sizeof reply, 0) != sizeof reply) _exit(1);
    }
  }
}

class Spawner {
 public:
  static Spawner& get() {
    static Spawner spawner;
    return spawner;
  }
  pid_t spawn(const std::vector<std::string>& fields) {
    std::lock_guard lock(mutex_);
    send_fields(fields);
    pid_t pid = -1;
    if (recv(fd_, &pid, sizeof pid, 0) != sizeof pid) throw std::runtime_error("spawner died");
    if (pid < 0) throw std::runtime_error(std::string("posix_spawn: ") + std::strerror(-pid));
    return pid;
  }
  // Reaps `pid`, sending it SIGKILL if it runs past `deadline`; true when it had to.
  bool wait(pid_t pid, std::chrono::steady_clock::time_point deadline, WaitReply& reply) {
    std::lock_guard lock(mutex_);
    send_fields({"wait", std::to_string(pid)});
    bool killed = false;
    while (true) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      pollfd ready{fd_, POLLIN, 0};
      int timeout = killed ? -1 : static_cast<int>(std::max<long>(0, left.count()));
      int n = poll(&ready, 1, timeout);
      if (n < 0 && errno == EINTR) continue;
      if (n == 0) {
        ::kill(pid, SIGKILL);
        killed = true;
        continue;
      }
      if (recv(fd_, &reply, sizeof reply, 0) != sizeof reply) {
        throw std::runtime_error("spawner died");
      }
      return killed;
    }
  }

 private:
  Spawner() {
    int fds[2];
    if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, fds) != 0) {
      throw std::runtime_error("socketpair failed");
    }
    pid_t pid = fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
      close(fds[0]);
      serve_spawns(fds[1]);
    }
    close(fds[1]);
    fd_ = fds[0];
  }
  void send_fields(const std::vector<std::string>& fields) {
    std::string message = join(fields);
    if (send(fd_, message.data(), message.size(), 0) != static_cast<ssize_t>(message.size())) {
      throw std::runtime_error("cannot reach the spawner");
    }
  }

  std::mutex mutex_;
  int fd_ = -1;
};

std::filesystem::path unique_log(const std::filesystem::path& dir, const char* stream) {
  static std::atomic<int> counter{0};
  return dir /
         ("child-" + std::to_string(getpid()) + "-" + std::to_string(++counter) + "." + stream);
}

}  // namespace

void start_spawner() { Spawner::get(); }

Child::Child(const std::vector<std::string>& argv, const std::filesystem::path& log_dir,
             const std::vector<std::string>& extra_env)
    : out_path_(unique_log(log_dir, "out")), err_path_(unique_log(log_dir, "err")) {
  std::vector<std::string> fields = {"spawn", out_path_.string(), err_path_.string(),
                                     std::to_string(argv.size())};
  fields.insert(fields.end(), argv.begin(), argv.end());
  for (char** e = environ; *e != nullptr; ++e) fields.emplace_back(*e);
  fields.insert(fields.end(), extra_env.begin(), extra_env.end());
  started_ = std::chrono::steady_clock::now();
  pid_ = Spawner::get().spawn(fields);
}

Child::~Child() {
  if (!reaped_) {
    ::kill(pid_, SIGKILL);
    WaitReply ignored;
    Spawner::get().wait(pid_, std::chrono::steady_clock::now(), ignored);
  }
  std::error_code ignored;
  std::filesystem::remove(out_path_, ignored);
  std::filesystem::remove(err_path_, ignored);
}

void Child::kill(int signal) {
  if (!reaped_) ::kill(pid_, signal);
}

ChildResult Child::wait(std::chrono::milliseconds limit) {
  ChildResult result;
  WaitReply reply;
  result.timed_out = Spawner::get().wait(pid_, started_ + limit, reply);
  reaped_ = true;
  result.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
  result.max_rss_kb = reply.usage.ru_maxrss;
  if (WIFEXITED(reply.status)) result.exit_code = WEXITSTATUS(reply.status);
  if (WIFSIGNALED(reply.status)) result.signal = WTERMSIG(reply.status);
  result.out = read_file(out_path_);
  result.err = read_file(err_path_);
  return result;
}

ChildResult run_child(const std::vector<std::string>& argv, const std::filesystem::path& log_dir,
                      const std::vector<std::string>& extra_env, std::chrono::milliseconds limit) {
  Child child(argv, log_dir, extra_env);
  return child.wait(limit);
}

}  // namespace tagdrift::testing
