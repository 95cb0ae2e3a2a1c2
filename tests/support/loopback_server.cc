#include "tests/support/loopback_server.h"

#include <stdexcept>

namespace tagdrift::testing {

LoopbackServer::LoopbackServer() {
  server_.set_keep_alive_max_count(1000);
  server_.new_task_queue = [] { return new httplib::ThreadPool(16); };
}

LoopbackServer::~LoopbackServer() { stop(); }

void LoopbackServer::serve_directory(const std::string& dir) {
  if (!server_.set_mount_point("/", dir)) throw std::runtime_error("no such directory: " + dir);
}

void LoopbackServer::start() {
  port_ = server_.bind_to_any_port("127.0.0.1");
  if (port_ <= 0) throw std::runtime_error("cannot bind a loopback port");
  thread_ = std::thread([this] { server_.listen_after_bind(); });
  while (!server_.is_running()) std::this_thread::yield();
}

void LoopbackServer::stop() {
  if (thread_.joinable()) {
    server_.stop();
    thread_.join();
  }
}

std::string LoopbackServer::url(const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(port_) + path;
}

}  // namespace tagdrift::testing
