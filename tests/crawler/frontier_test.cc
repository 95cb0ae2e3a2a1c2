#include "crawler/frontier.h"

#include <catch2/catch.hpp>

using tagdrift::crawler::Admission;
using tagdrift::crawler::Clock;
using tagdrift::crawler::Frontier;
using tagdrift::crawler::QueuedUrl;
using tagdrift::crawler::Robots;

namespace {

QueuedUrl item(const std::string& path, int depth = 1) {
  return QueuedUrl{"https://clinic.test" + path,
                   "https://clinic.test",
                   depth,
                   tagdrift::crawler::FoundBy::kLink,
                   "",
                   0,
                   {}};
}

}  // namespace

TEST_CASE("frontier: a URL is queued once and the first sighting decides its depth") {
  Frontier frontier(100, 10, 0);
  frontier.open_all_origins();
  CHECK(frontier.add(item("/a", 1)) == Admission::kQueued);
  CHECK(frontier.add(item("/a", 5)) == Admission::kSeen);
  auto next = frontier.pop(Clock::now());
  REQUIRE(next);
  CHECK(next->item.depth == 1);
  CHECK_FALSE(frontier.pop(Clock::now()));
  CHECK(frontier.add(item("/a")) == Admission::kSeen);  // fetched URLs stay seen
}

TEST_CASE("frontier: the page budget and the query-variant cap refuse further URLs") {
  Frontier frontier(3, 2, 0);
  CHECK(frontier.add(item("/cal?d=1")) == Admission::kQueued);
  CHECK(frontier.add(item("/cal?d=2")) == Admission::kQueued);
  CHECK(frontier.add(item("/cal?d=3")) == Admission::kQueryVariantLimit);
  CHECK(frontier.add(item("/b")) == Admission::kQueued);
  CHECK(frontier.add(item("/c")) == Admission::kPageLimit);
  CHECK(frontier.admitted() == 3);
}

TEST_CASE("frontier: an origin waits for its robots.txt, then disallowed URLs come back marked") {
  Frontier frontier(100, 10, 0);
  frontier.add(item("/private/x"));
  frontier.add(item("/public"));
  CHECK_FALSE(frontier.pop(Clock::now()));
  auto origins = frontier.take_origins_needing_robots();
  REQUIRE(origins == std::vector<std::string>{"https://clinic.test"});
  CHECK(frontier.take_origins_needing_robots().empty());  // asked for once
  frontier.open_origin("https://clinic.test",
                       Robots::parse("User-agent: *\nDisallow: /private/\n", "tagdrift"), 0);
  auto first = frontier.pop(Clock::now());
  REQUIRE(first);
  CHECK(first->disallowed);
  auto second = frontier.pop(Clock::now());
  REQUIRE(second);
  CHECK_FALSE(second->disallowed);
  CHECK(frontier.queued() == 0);
}

TEST_CASE("frontier: the rate and Crawl-delay space out starts on one origin") {
  Frontier frontier(100, 10, 0);
  frontier.add(item("/a"));
  frontier.add(item("/b"));
  frontier.take_origins_needing_robots();
  frontier.open_origin("https://clinic.test", Robots::allow_all(), 2.0);
  auto now = Clock::now();
  REQUIRE(frontier.pop(now));
  CHECK_FALSE(frontier.pop(now));
  auto ready = frontier.next_ready();
  REQUIRE(ready);
  CHECK(*ready - now >= std::chrono::milliseconds(1999));
  CHECK(frontier.pop(now + std::chrono::seconds(2)));
}

TEST_CASE("frontier: a retry waits for its time and is not de-duplicated away") {
  Frontier frontier(100, 10, 0);
  frontier.open_all_origins();
  frontier.add(item("/a"));
  auto now = Clock::now();
  auto first = frontier.pop(now);
  REQUIRE(first);
  QueuedUrl again = first->item;
  again.attempt = 1;
  again.not_before = now + std::chrono::seconds(1);
  frontier.retry(again);
  CHECK(frontier.queued() == 1);
  CHECK_FALSE(frontier.pop(now));
  auto retried = frontier.pop(now + std::chrono::seconds(1));
  REQUIRE(retried);
  CHECK(retried->item.attempt == 1);
}
