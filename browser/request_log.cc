#include "browser/request_log.h"

#include <algorithm>

namespace tagdrift::browser {
namespace {

constexpr std::size_t kMaxStack = 8;

std::string text(const nlohmann::json& object, const char* key) {
  const auto found = object.find(key);
  return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

// Script URLs of a stack trace and its async parents, innermost first, each once.
void collect_stack(const nlohmann::json& stack, std::vector<std::string>& out) {
  for (const nlohmann::json* trace = &stack; trace && trace->is_object();) {
    if (const auto frames = trace->find("callFrames"); frames != trace->end() && frames->is_array())
      for (const auto& frame : *frames) {
        const auto url = text(frame, "url");
        if (url.empty() || out.size() >= kMaxStack) continue;
        if (std::find(out.begin(), out.end(), url) == out.end()) out.push_back(url);
      }
    const auto parent = trace->find("parent");
    trace = parent != trace->end() ? &*parent : nullptr;
  }
}

}  // namespace

Initiator initiator_of(const nlohmann::json& initiator) {
  Initiator out;
  if (!initiator.is_object()) return out;
  out.type = text(initiator, "type");
  if (const auto stack = initiator.find("stack"); stack != initiator.end())
    collect_stack(*stack, out.stack);
  out.url = text(initiator, "url");
  if (out.url.empty() && !out.stack.empty()) out.url = out.stack.front();
  return out;
}

void RequestLog::will_be_sent(const nlohmann::json& params) {
  const auto id = text(params, "requestId");
  in_flight_.insert(id);
  if (requests_.size() >= budget_.max_requests) {
    ++dropped_;
    return;
  }
  const auto& request = params.value("request", nlohmann::json::object());
  ObservedRequest observed;
  observed.url = text(request, "url");
  observed.method = text(request, "method");
  observed.resource_type = text(params, "type");
  observed.initiator = initiator_of(params.value("initiator", nlohmann::json::object()));
  auto body = text(request, "postData");
  const auto room = std::min(budget_.max_post_data, budget_.max_body_bytes - body_bytes_);
  if (body.size() > room) {
    body.resize(room);
    observed.post_data_truncated = true;
  }
  // A body over Network.enable's maxPostDataSize comes without its text.
  if (body.empty() && request.value("hasPostData", false)) observed.post_data_truncated = true;
  body_bytes_ += body.size();
  observed.post_data = std::move(body);
  by_id_[id].push_back(requests_.size());
  requests_.push_back(std::move(observed));
}

void RequestLog::finished(const nlohmann::json& params) {
  in_flight_.erase(text(params, "requestId"));
}

void RequestLog::blocked(const std::string& request_id) { blocked_.insert(request_id); }

std::vector<ObservedRequest> RequestLog::take() {
  for (const auto& id : blocked_)
    if (const auto hops = by_id_.find(id); hops != by_id_.end() && !hops->second.empty())
      requests_[hops->second.back()].blocked = true;
  by_id_.clear();
  blocked_.clear();
  in_flight_.clear();
  return std::move(requests_);
}

}  // namespace tagdrift::browser
