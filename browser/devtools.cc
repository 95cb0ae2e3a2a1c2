#include "browser/devtools.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>

#include <cerrno>
#include <cstring>

#include "browser/devtools_error.h"
#include "browser/message_framing.h"

namespace tagdrift::browser {
namespace {

constexpr std::chrono::milliseconds kWriteTimeout{10'000};

std::pair<UniqueFd, UniqueFd> wake_pipe() {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC | O_NONBLOCK) != 0)
    throw DevToolsError(DevToolsError::Kind::kClosed, "cannot make a pipe");
  return {UniqueFd(fds[0]), UniqueFd(fds[1])};
}

std::string error_text(const nlohmann::json& error) {
  std::string text = error.value("message", std::string("error"));
  if (error.contains("data") && error["data"].is_string())
    text += ": " + error["data"].get<std::string>();
  return text;
}

}  // namespace

DevTools::DevTools(UniqueFd to_browser, UniqueFd from_browser, DevToolsBudget budget)
    : budget_(budget), to_browser_(std::move(to_browser)), from_browser_(std::move(from_browser)) {
  auto [wake_read, wake_write] = wake_pipe();
  wake_read_ = std::move(wake_read);
  wake_write_ = std::move(wake_write);
  ::fcntl(to_browser_.get(), F_SETFL, ::fcntl(to_browser_.get(), F_GETFL) | O_NONBLOCK);
  reader_ = std::thread([this] { read_loop(); });
}

DevTools::~DevTools() {
  const char byte = 1;
  [[maybe_unused]] auto ignored = ::write(wake_write_.get(), &byte, 1);
  reader_.join();
}

nlohmann::json DevTools::call(const std::string& method, nlohmann::json params,
                              const std::string& session, std::chrono::milliseconds timeout) {
  const int id = write_message(method, std::move(params), session, true);
  std::unique_lock lock(mu_);
  const auto deadline = Clock::now() + timeout;
  const bool answered = changed_.wait_until(
      lock, deadline, [&] { return replies_[id].done || !close_reason_.empty(); });
  Reply reply = std::move(replies_[id]);
  replies_.erase(id);
  if (!answered)
    throw DevToolsError(DevToolsError::Kind::kTimeout, method + " had no answer within " +
                                                           std::to_string(timeout.count()) + " ms");
  if (!reply.done) throw DevToolsError(DevToolsError::Kind::kClosed, close_reason_);
  if (!reply.error.is_null())
    throw DevToolsError(DevToolsError::Kind::kProtocol, method + ": " + error_text(reply.error));
  return std::move(reply.result);
}

void DevTools::send(const std::string& method, nlohmann::json params, const std::string& session) {
  write_message(method, std::move(params), session, false);
}

int DevTools::write_message(const std::string& method, nlohmann::json params,
                            const std::string& session, bool want_reply) {
  int id;
  {
    std::lock_guard lock(mu_);
    if (!close_reason_.empty()) throw DevToolsError(DevToolsError::Kind::kClosed, close_reason_);
    id = next_id_++;
    if (want_reply) replies_[id];
  }
  nlohmann::json message = {{"id", id}, {"method", method}, {"params", std::move(params)}};
  if (!session.empty()) message["sessionId"] = session;
  std::string bytes = message.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  bytes.push_back('\0');
  try {
    write_all(bytes);
  } catch (...) {
    std::lock_guard lock(mu_);
    replies_.erase(id);
    throw;
  }
  return id;
}

void DevTools::write_all(const std::string& bytes) {
  std::lock_guard lock(write_mu_);
  const auto deadline = Clock::now() + kWriteTimeout;
  std::size_t done = 0;
  while (done < bytes.size()) {
    // A socket, so that a browser gone away is EPIPE here and never a SIGPIPE for the program.
    const auto n =
        ::send(to_browser_.get(), bytes.data() + done, bytes.size() - done, MSG_NOSIGNAL);
    if (n > 0) {
      done += static_cast<std::size_t>(n);
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK) {
      close_with("the browser's pipe closed (" + std::string(std::strerror(errno)) + ")");
      throw DevToolsError(DevToolsError::Kind::kClosed, close_reason());
    }
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    pollfd out{to_browser_.get(), POLLOUT, 0};
    if (left.count() <= 0 || ::poll(&out, 1, static_cast<int>(left.count())) == 0) {
      // Half a message may be out: nothing more can be written on this pipe.
      close_with("the browser read no commands for " + std::to_string(kWriteTimeout.count()) +
                 " ms");
      throw DevToolsError(DevToolsError::Kind::kTimeout, close_reason());
    }
  }
}

void DevTools::read_loop() {
  MessageFraming framing(budget_.max_message);
  char buffer[64 * 1024];
  for (;;) {
    pollfd fds[2] = {{from_browser_.get(), POLLIN, 0}, {wake_read_.get(), POLLIN, 0}};
    if (::poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      return close_with("cannot wait on the browser's pipe");
    }
    if (fds[1].revents) return close_with("the DevTools client closed");
    const auto n = ::read(from_browser_.get(), buffer, sizeof buffer);
    if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    if (n <= 0) return close_with("the browser exited");
    framing.append(std::string_view(buffer, static_cast<std::size_t>(n)));
    while (auto message = framing.next()) dispatch(*message);
    if (framing.over_budget()) return close_with("a browser message over the size budget");
  }
}

void DevTools::dispatch(const std::string& text) {
  auto message = nlohmann::json::parse(text, nullptr, false);
  if (message.is_discarded() || !message.is_object()) return;  // not ours to judge; skip it
  std::lock_guard lock(mu_);
  if (message.contains("id") && message["id"].is_number_integer()) {
    const auto found = replies_.find(message["id"].get<int>());
    if (found == replies_.end()) return;  // a send() nobody waits for
    found->second.done = true;
    if (message.contains("error")) found->second.error = std::move(message["error"]);
    if (message.contains("result")) found->second.result = std::move(message["result"]);
    changed_.notify_all();
    return;
  }
  if (!message.contains("method") || !message["method"].is_string()) return;
  std::string session = message.value("sessionId", std::string());
  const auto route = routes_.find(session);
  if (route == routes_.end()) return;
  const auto queue = queues_.find(route->second);
  if (queue == queues_.end()) return;
  if (queue->second.events.size() >= budget_.max_queued_events) {
    ++queue->second.dropped;
    return;
  }
  queue->second.events.push_back(
      Event{message["method"].get<std::string>(),
            message.contains("params") ? std::move(message["params"]) : nlohmann::json::object(),
            std::move(session)});
  changed_.notify_all();
}

void DevTools::close_with(const std::string& reason) {
  std::lock_guard lock(mu_);
  if (close_reason_.empty()) close_reason_ = reason;
  changed_.notify_all();
}

void DevTools::listen(const std::string& session) { listen(session, session); }

void DevTools::listen(const std::string& session, const std::string& queue) {
  std::lock_guard lock(mu_);
  queues_[queue];
  routes_[session] = queue;
}

void DevTools::forget(const std::string& session) {
  std::lock_guard lock(mu_);
  routes_.erase(session);
  queues_.erase(session);
}

std::optional<Event> DevTools::next_event(const std::string& session, Clock::time_point deadline) {
  std::unique_lock lock(mu_);
  auto ready = [&] {
    const auto queue = queues_.find(session);
    return (queue != queues_.end() && !queue->second.events.empty()) || !close_reason_.empty();
  };
  if (!changed_.wait_until(lock, deadline, ready)) return std::nullopt;
  const auto queue = queues_.find(session);
  if (queue == queues_.end() || queue->second.events.empty())
    throw DevToolsError(DevToolsError::Kind::kClosed, close_reason_);
  Event event = std::move(queue->second.events.front());
  queue->second.events.pop_front();
  return event;
}

std::size_t DevTools::dropped_events(const std::string& session) {
  std::lock_guard lock(mu_);
  const auto queue = queues_.find(session);
  return queue == queues_.end() ? 0 : queue->second.dropped;
}

bool DevTools::closed() {
  std::lock_guard lock(mu_);
  return !close_reason_.empty();
}

std::string DevTools::close_reason() {
  std::lock_guard lock(mu_);
  return close_reason_;
}

}  // namespace tagdrift::browser
