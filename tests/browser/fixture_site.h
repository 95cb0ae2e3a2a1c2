// A small site on loopback whose pages make the requests a tag makes (fetch, XHR, sendBeacon,
// an image pixel, a script that injects a script), set cookies, open popups, alert(), download
// and navigate away; and pages that misbehave (never quiet, an endless loop, 50 MB).
#pragma once

#include <map>
#include <mutex>
#include <string>

#include "tests/support/loopback_server.h"

namespace tagdrift::testing {

class FixtureSite {
 public:
  FixtureSite();
  std::string url(const std::string& path) const { return server_.url(path); }
  int port() const { return server_.port(); }
  // How many times `path` was requested (the query left out).
  int hits(const std::string& path);

 private:
  void page(const std::string& path, const std::string& body);
  LoopbackServer server_;
  std::mutex mu_;
  std::map<std::string, int> hits_;
};

}  // namespace tagdrift::testing
