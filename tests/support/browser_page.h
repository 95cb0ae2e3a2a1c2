// One page in headless Chromium, driven through the browser library's DevTools client, for tests
// that open a document, run expressions in it (click, read), and check what it did: console
// errors and CSP refusals, network requests, dialogs. Every wait has a deadline.
#pragma once

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "browser/chromium.h"
#include "browser/devtools.h"
#include "browser/launch_options.h"

namespace tagdrift::testing {

class BrowserPage {
 public:
  explicit BrowserPage(const browser::LaunchOptions& options) : chromium_(options) {}

  // Opens `url` in a new page with Page, Runtime, Network and Log events on (and the page's own
  // scripts off when `scripts` is false), and waits for its load event. Throws when none comes.
  void open(const std::string& url, bool scripts = true);

  // Runs `expression` in the page and returns its value; throws when it throws.
  nlohmann::json evaluate(const std::string& expression);

  // Keeps reading the page's events for `duration`: what it does after its load or a click.
  void settle(std::chrono::milliseconds duration = std::chrono::milliseconds(300));

  // Console errors and warnings, uncaught exceptions, and error or warning log entries (a
  // Content-Security-Policy refusal is one), one line each.
  std::vector<std::string> console_errors() const;

  // The URL of every request the page made, its own document included.
  std::vector<std::string> requests() const;

  // Every JavaScript dialog that opened; each is dismissed at once, so the page never blocks.
  std::vector<std::string> dialogs() const;

 private:
  std::vector<nlohmann::json> events(const std::string& method) const;
  // Reads events until `done` is true or `deadline` passes; false on the deadline.
  template <typename Done>
  bool read_until(Done done, browser::Clock::time_point deadline);

  browser::Chromium chromium_;
  std::string session_;
  std::vector<browser::Event> events_;
};

}  // namespace tagdrift::testing
