#include "crawler/frontier.h"

#include <algorithm>

namespace tagdrift::crawler {
namespace {

Clock::duration seconds_to_duration(double seconds) {
  return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
}

// "https://host/path?query" -> ("https://host/path", has query).
std::string without_query(const std::string& url, bool* has_query) {
  auto mark = url.find('?');
  *has_query = mark != std::string::npos;
  return *has_query ? url.substr(0, mark) : url;
}

std::string path_and_query(const std::string& url, const std::string& origin) {
  std::string rest = url.substr(std::min(origin.size(), url.size()));
  return rest.empty() ? "/" : rest;
}

}  // namespace

Frontier::Frontier(std::size_t max_pages, int max_query_variants, double rate_per_host)
    : max_pages_(max_pages), max_query_variants_(max_query_variants) {
  if (rate_per_host > 0) rate_interval_ = seconds_to_duration(1.0 / rate_per_host);
}

Admission Frontier::add(QueuedUrl item) {
  if (item.url.empty() || item.origin.empty()) return Admission::kBadUrl;
  if (seen_.count(item.url) != 0) return Admission::kSeen;
  if (admitted_ >= max_pages_) return Admission::kPageLimit;
  bool has_query = false;
  std::string path = without_query(item.url, &has_query);
  if (has_query && ++query_variants_[path] > max_query_variants_) {
    return Admission::kQueryVariantLimit;
  }
  seen_.insert(item.url);
  ++admitted_;
  ++queued_;
  origin(item.origin).queue.push_back(std::move(item));
  return Admission::kQueued;
}

bool Frontier::claim(const std::string& url) { return seen_.insert(url).second; }

void Frontier::retry(QueuedUrl item) {
  ++queued_;
  retries_.push_back(std::move(item));
}

Frontier::Origin& Frontier::origin(const std::string& name) {
  auto [it, inserted] = origins_.try_emplace(name);
  if (inserted) it->second.interval = rate_interval_;
  return it->second;
}

bool Frontier::is_open(const Origin& origin) const {
  return open_all_ || origin.state == Origin::State::kOpen;
}

std::vector<std::string> Frontier::take_origins_needing_robots() {
  std::vector<std::string> names;
  if (open_all_) return names;
  for (auto& [name, origin] : origins_) {
    if (origin.state == Origin::State::kNew && !origin.queue.empty()) {
      origin.state = Origin::State::kRobotsPending;
      names.push_back(name);
    }
  }
  return names;
}

void Frontier::open_origin(const std::string& name, Robots robots, double crawl_delay_seconds) {
  Origin& entry = origin(name);
  entry.state = Origin::State::kOpen;
  entry.robots = std::move(robots);
  entry.interval = std::max(rate_interval_, seconds_to_duration(crawl_delay_seconds));
}

void Frontier::release_due_retries(Clock::time_point now) {
  auto due = std::partition(retries_.begin(), retries_.end(),
                            [now](const QueuedUrl& item) { return item.not_before > now; });
  for (auto it = due; it != retries_.end(); ++it) {
    origin(it->origin).queue.push_front(std::move(*it));
  }
  retries_.erase(due, retries_.end());
}

std::optional<Frontier::Next> Frontier::pop(Clock::time_point now) {
  release_due_retries(now);
  for (auto& [name, entry] : origins_) {
    if (entry.queue.empty() || !is_open(entry) || entry.next_start > now) continue;
    Next next{std::move(entry.queue.front()), false};
    entry.queue.pop_front();
    --queued_;
    if (entry.robots && !entry.robots->allowed(path_and_query(next.item.url, name))) {
      next.disallowed = true;
      return next;
    }
    entry.next_start = now + entry.interval;
    return next;
  }
  return std::nullopt;
}

std::optional<Clock::time_point> Frontier::next_ready() const {
  std::optional<Clock::time_point> earliest;
  auto consider = [&earliest](Clock::time_point when) {
    if (!earliest || when < *earliest) earliest = when;
  };
  for (const auto& [name, entry] : origins_) {
    if (!entry.queue.empty() && is_open(entry)) consider(entry.next_start);
  }
  for (const auto& item : retries_) consider(item.not_before);
  return earliest;
}

}  // namespace tagdrift::crawler
