// A DevTools protocol client over Chromium's debugging pipe: numbered commands with their results
// or errors, events queued per flattened target session, and every wait bounded. Thread-safe:
// several visits call it at once; one reader thread of its own owns the read end.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <thread>

#include "browser/unique_fd.h"

namespace tagdrift::browser {

using Clock = std::chrono::steady_clock;

struct Event {
  std::string method;
  nlohmann::json params;
  std::string session;  // empty for the browser's own session
};

struct DevToolsBudget {
  std::size_t max_message = 64 << 20;      // bytes of one message from the browser
  std::size_t max_queued_events = 50'000;  // per session; later events are counted and dropped
};

class DevTools {
 public:
  static constexpr std::chrono::milliseconds kDefaultTimeout{10'000};

  // `to_browser` is the end Chromium reads commands from (its fd 3), `from_browser` the end it
  // writes to (its fd 4).
  DevTools(UniqueFd to_browser, UniqueFd from_browser, DevToolsBudget budget = {});
  ~DevTools();
  DevTools(const DevTools&) = delete;
  DevTools& operator=(const DevTools&) = delete;

  // Sends `method` to `session` (empty: the browser) and waits at most `timeout` for its result.
  // Throws DevToolsError: kProtocol with the browser's error message, kTimeout, or kClosed.
  nlohmann::json call(const std::string& method, nlohmann::json params = nlohmann::json::object(),
                      const std::string& session = {},
                      std::chrono::milliseconds timeout = kDefaultTimeout);
  // Sends without waiting for the result (answers to paused requests and dialogs); a failure to
  // write throws as call() does.
  void send(const std::string& method, nlohmann::json params = nlohmann::json::object(),
            const std::string& session = {});

  // Events of `session` are queued from listen() until forget(); those of other sessions are
  // dropped. The browser's own session is "". listen(child, queue) puts a child session's events
  // (an iframe's, a worker's) in the queue of another session, so that one wait sees them all.
  void listen(const std::string& session);
  void listen(const std::string& session, const std::string& queue);
  // Stops queueing `session`'s events; its own queue goes with it.
  void forget(const std::string& session);
  // The next event in the queue of `session`, or nothing once `deadline` passes. Throws kClosed
  // when the pipe has closed and nothing is left queued.
  std::optional<Event> next_event(const std::string& session, Clock::time_point deadline);
  // Events dropped from the queue of `session` because it was full.
  std::size_t dropped_events(const std::string& session);

  bool closed();
  // Why the pipe closed ("" while open).
  std::string close_reason();

 private:
  struct Reply {
    bool done = false;
    nlohmann::json result;
    nlohmann::json error;
  };
  struct Queue {
    std::deque<Event> events;
    std::size_t dropped = 0;
  };

  int write_message(const std::string& method, nlohmann::json params, const std::string& session,
                    bool want_reply);
  void write_all(const std::string& bytes);
  void read_loop();
  void dispatch(const std::string& message);
  void close_with(const std::string& reason);

  DevToolsBudget budget_;
  UniqueFd to_browser_, from_browser_;
  UniqueFd wake_read_, wake_write_;  // wakes the reader when this client goes away
  std::mutex write_mu_;
  std::mutex mu_;  // guards everything below
  std::condition_variable changed_;
  int next_id_ = 1;
  std::map<int, Reply> replies_;
  std::map<std::string, Queue> queues_;
  std::map<std::string, std::string> routes_;  // session -> the queue its events go to
  std::string close_reason_;
  std::thread reader_;
};

}  // namespace tagdrift::browser
