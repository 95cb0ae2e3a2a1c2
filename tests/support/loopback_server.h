// A real HTTP server on 127.0.0.1 and a free port, run in-process for the duration of a test.
#pragma once

#include <httplib.h>

#include <string>
#include <thread>

namespace tagdrift::testing {

class LoopbackServer {
 public:
  LoopbackServer();
  ~LoopbackServer();
  LoopbackServer(const LoopbackServer&) = delete;
  LoopbackServer& operator=(const LoopbackServer&) = delete;

  // Register handlers on this before start().
  httplib::Server& http() { return server_; }

  // Serves every file under `dir` (index.html for directories), as a static site.
  void serve_directory(const std::string& dir);

  void start();
  void stop();

  int port() const { return port_; }
  // "http://127.0.0.1:PORT" followed by `path`.
  std::string url(const std::string& path = "/") const;

 private:
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
};

}  // namespace tagdrift::testing
