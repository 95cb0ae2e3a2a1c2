// The requests of one visit, from the Network and Fetch domains' events: each request (and each
// redirect hop) recorded once, within the budget, with which of them are still in flight.
#pragma once

#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "browser/visit_options.h"
#include "browser/visit_result.h"

namespace tagdrift::browser {

class RequestLog {
 public:
  explicit RequestLog(const VisitBudget& budget) : budget_(budget) {}

  // Network.requestWillBeSent: a request, or the next hop of a redirected one.
  void will_be_sent(const nlohmann::json& params);
  // Network.loadingFinished or Network.loadingFailed.
  void finished(const nlohmann::json& params);
  // A request failed unsent on purpose (Fetch.requestPaused's networkId).
  void blocked(const std::string& request_id);

  std::size_t in_flight() const { return in_flight_.size(); }
  std::size_t dropped() const { return dropped_; }
  // The requests in the order they were sent; the log is empty after.
  std::vector<ObservedRequest> take();

 private:
  VisitBudget budget_;
  std::vector<ObservedRequest> requests_;
  std::unordered_map<std::string, std::vector<std::size_t>> by_id_;  // hops of each request
  std::set<std::string> in_flight_, blocked_;
  std::size_t dropped_ = 0;
  std::size_t body_bytes_ = 0;
};

// The initiator of a request from Network.requestWillBeSent's `initiator`.
Initiator initiator_of(const nlohmann::json& initiator);

}  // namespace tagdrift::browser
