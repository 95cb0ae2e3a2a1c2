// Pages visited in parallel tabs of one browser, each in its own context. A browser that dies
// ends the visits it was running as page errors; it is started again and the visits go on.
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "browser/chromium.h"
#include "browser/launch_options.h"
#include "browser/visit_options.h"
#include "browser/visit_result.h"

namespace tagdrift::browser {

class Visitor {
 public:
  // `concurrency` tabs at once (at least one). The browser starts at the first visit.
  Visitor(LaunchOptions launch, VisitOptions visit, unsigned concurrency);
  ~Visitor();
  Visitor(const Visitor&) = delete;
  Visitor& operator=(const Visitor&) = delete;

  using Done = std::function<void(std::size_t index, VisitResult result)>;
  // Visits every URL and calls `done` as each visit ends, one call at a time, from the visiting
  // threads. Throws tagdrift::Error (exit 2) when the browser cannot be started at all.
  void visit(const std::vector<std::string>& urls, const Done& done);
  // The same, the results in the order of `urls`.
  std::vector<VisitResult> visit(const std::vector<std::string>& urls);

  // How many times a browser that died was started again.
  unsigned restarts();
  // The running browser's process (its launcher), or -1 when none runs.
  pid_t browser_pid();

 private:
  std::shared_ptr<Chromium> acquire();
  void lost(const std::shared_ptr<Chromium>& browser);
  VisitResult visit_one(const std::string& url);

  LaunchOptions launch_;
  VisitOptions options_;
  unsigned concurrency_;
  std::mutex mu_;  // guards browser_ and restarts_
  std::shared_ptr<Chromium> browser_;
  unsigned restarts_ = 0;
};

}  // namespace tagdrift::browser
