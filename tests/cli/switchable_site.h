// A loopback site whose pages a test sets and changes between runs of the real program: each
// path answers its status and body until told otherwise, unknown paths 404. And a webhook that
// keeps what was posted to it.
#pragma once

#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "tests/support/loopback_server.h"

namespace tagdrift::testing {

class SwitchableSite {
 public:
  SwitchableSite() {
    server_.http().Get(".*", [this](const httplib::Request& request, httplib::Response& response) {
      std::lock_guard lock(mutex_);
      auto found = routes_.find(request.path);
      if (found == routes_.end()) {
        response.status = 404;
        return;
      }
      response.status = found->second.status;
      response.set_content(found->second.body, found->second.type);
    });
    server_.start();
  }

  void set(const std::string& path, int status, const std::string& body,
           const std::string& type = "text/html; charset=utf-8") {
    std::lock_guard lock(mutex_);
    routes_[path] = {status, body, type};
  }

  std::string url(const std::string& path = "/") const { return server_.url(path); }

 private:
  struct Route {
    int status = 200;
    std::string body, type;
  };
  std::mutex mutex_;
  std::map<std::string, Route> routes_;
  LoopbackServer server_;  // last: stopped before what its handler reads is destroyed
};

struct Posted {
  std::string body, content_type, user_agent;
};

class Webhook {
 public:
  Webhook() {
    server_.http().Post(".*", [this](const httplib::Request& request, httplib::Response& response) {
      std::lock_guard lock(mutex_);
      posts_.push_back({request.body, request.get_header_value("Content-Type"),
                        request.get_header_value("User-Agent")});
      response.set_content("ok", "text/plain");
    });
    server_.start();
  }

  std::string url() const { return server_.url("/hook"); }

  std::vector<Posted> posts() {
    std::lock_guard lock(mutex_);
    return posts_;
  }

 private:
  std::mutex mutex_;
  std::vector<Posted> posts_;
  LoopbackServer server_;  // last: stopped before what its handler writes is destroyed
};

}  // namespace tagdrift::testing
