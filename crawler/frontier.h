// The crawl frontier: which URLs are still to fetch, per origin, with de-duplication, the page
// and query-variant budgets, robots.txt gating and per-host pacing.
#pragma once

#include <chrono>
#include <cstddef>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "crawler/page.h"
#include "crawler/robots.h"

namespace tagdrift::crawler {

using Clock = std::chrono::steady_clock;

struct QueuedUrl {
  std::string url;  // normalized
  std::string origin;
  int depth = 0;
  FoundBy found_by = FoundBy::kLink;
  std::string referrer;
  int attempt = 0;
  Clock::time_point not_before{};
};

enum class Admission { kQueued, kSeen, kPageLimit, kQueryVariantLimit, kBadUrl };

class Frontier {
 public:
  Frontier(std::size_t max_pages, int max_query_variants, double rate_per_host);

  // De-duplicates and applies the budgets; the first sighting of a URL decides its depth.
  Admission add(QueuedUrl item);
  // True when `url` was queued or claimed before (cheaper to ask than to scope a link first).
  bool seen(const std::string& url) const { return seen_.count(url) != 0; }
  // Marks a URL as taken without queueing it (a redirect target fetched under another name).
  bool claim(const std::string& url);
  // Puts back a URL to try again no sooner than item.not_before (no de-duplication).
  void retry(QueuedUrl item);

  // Origins with queued URLs whose robots.txt has not been asked for yet; marks them pending.
  std::vector<std::string> take_origins_needing_robots();
  // Opens an origin for fetching under `robots` (Crawl-delay included unless ignored).
  void open_origin(const std::string& origin, Robots robots, double crawl_delay_seconds);
  void open_all_origins() { open_all_ = true; }

  // The next URL that may start now, or nothing. A URL robots.txt disallows comes back with
  // `disallowed` set, to be reported as skipped.
  struct Next {
    QueuedUrl item;
    bool disallowed = false;
  };
  std::optional<Next> pop(Clock::time_point now);

  // When pop() could next return something (for the event loop's sleep), if anything waits.
  std::optional<Clock::time_point> next_ready() const;
  std::size_t queued() const { return queued_; }
  std::size_t admitted() const { return admitted_; }

 private:
  struct Origin {
    enum class State { kNew, kRobotsPending, kOpen } state = State::kNew;
    std::deque<QueuedUrl> queue;
    std::optional<Robots> robots;
    Clock::duration interval{};
    Clock::time_point next_start{};
  };
  Origin& origin(const std::string& name);
  bool is_open(const Origin& origin) const;
  void release_due_retries(Clock::time_point now);

  std::size_t max_pages_;
  int max_query_variants_;
  Clock::duration rate_interval_{};
  bool open_all_ = false;
  std::unordered_set<std::string> seen_;
  std::unordered_map<std::string, int> query_variants_;
  std::map<std::string, Origin> origins_;
  std::vector<QueuedUrl> retries_;
  std::size_t queued_ = 0;
  std::size_t admitted_ = 0;
};

}  // namespace tagdrift::crawler
