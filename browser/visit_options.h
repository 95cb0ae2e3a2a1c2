// How a page is visited: its time bounds, the budgets of what is kept, and the request options
// (headers, cookies, basic auth) that apply to every visit.
#pragma once

#include <chrono>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tagdrift::browser {

struct VisitBudget {
  std::size_t max_requests = 2'000;       // per visit; more are counted, not kept
  std::size_t max_post_data = 16 * 1024;  // bytes of one request body kept
  std::size_t max_body_bytes = 1 << 20;   // bytes of request bodies kept per visit
  std::size_t max_messages = 100;         // console errors, dialogs, popups, downloads each
  std::size_t max_message_bytes = 1'000;  // of one console error or dialog text
};

struct BasicAuth {
  std::string user;
  std::string password;
};

struct VisitOptions {
  std::chrono::milliseconds navigation_timeout{15'000};  // from navigate to the load event
  std::chrono::milliseconds runtime_wait{5'000};  // after load, at most, for the network to quiet
  std::chrono::milliseconds quiet_window{500};    // no request in flight for this long is quiet
  std::map<std::string, std::string> headers;     // sent with every request
  // Cookies ("name", "value") set for the visited page's URL before it loads.
  std::vector<std::pair<std::string, std::string>> cookies;
  std::optional<BasicAuth> basic_auth;  // answers every authentication challenge
  VisitBudget budget;
};

}  // namespace tagdrift::browser
