// The crawl loop's robots.txt and sitemap discovery: each origin's robots.txt is fetched before
// its first page, and the seed origins' sitemaps are queued from it.
#include <fmt/core.h>

#include "crawler/crawl_run.h"
#include "crawler/url.h"

namespace tagdrift::crawler {
namespace {

constexpr std::size_t kMaxRobotsBytes = 1u << 20;
constexpr std::size_t kMaxSitemapBytes = 50u << 20;
constexpr std::size_t kMaxSitemaps = 100;

}  // namespace

void CrawlRun::request_robots() {
  for (const auto& origin : frontier_.take_origins_needing_robots()) {
    auto transfer = new_transfer(TransferKind::kRobots);
    transfer->page.url = origin;
    transfer->max_body = kMaxRobotsBytes;
    start(std::move(transfer), origin + "/robots.txt");
  }
  if (options_.ignore_robots && options_.use_sitemaps) {
    for (const auto& seed : seeds_) {
      std::string origin = origin_of(seed);
      if (sitemap_origins_.insert(origin).second) start_sitemap(origin + "/sitemap.xml", "");
    }
  }
}

// RFC 9309: a 4xx robots.txt means no rules; an unreachable one (5xx) means keep out. A
// network failure opens the origin, so its pages report the failure themselves.
void CrawlRun::finish_robots(std::unique_ptr<Transfer> transfer, CURLcode code) {
  const std::string origin = transfer->page.url;
  int status = transfer->page.status;
  Robots robots = Robots::allow_all();
  bool ok = (code == CURLE_OK || transfer->too_big) && status >= 200 && status < 300;
  if (ok) {
    robots = Robots::parse(transfer->page.body, robots_token_);
  } else if (status >= 500) {
    robots = Robots::parse("User-agent: *\nDisallow: /\n", robots_token_);
  }
  double delay = robots.crawl_delay().value_or(0);
  std::vector<std::string> sitemaps = robots.sitemaps();
  frontier_.open_origin(origin, std::move(robots), delay);
  bool seed_origin = false;
  for (const auto& seed : seeds_) seed_origin = seed_origin || origin_of(seed) == origin;
  if (options_.use_sitemaps && seed_origin && sitemap_origins_.insert(origin).second) {
    if (sitemaps.empty()) sitemaps.push_back(origin + "/sitemap.xml");
    for (const auto& url : sitemaps) start_sitemap(url, origin + "/robots.txt");
  }
  recycle(std::move(transfer));
}

void CrawlRun::start_sitemap(const std::string& url, const std::string& referrer) {
  auto normalized = normalize_url(url, options_.max_url_length);
  if (!normalized || sitemaps_seen_.size() >= kMaxSitemaps) return;
  if (auto mapped = origin_map_.map(*normalized)) normalized = std::move(mapped);
  if (!sitemaps_seen_.insert(*normalized).second) return;
  auto transfer = new_transfer(TransferKind::kSitemap);
  transfer->page.url = *normalized;
  transfer->page.referrer = referrer;
  transfer->max_body = kMaxSitemapBytes;
  start(std::move(transfer), *normalized);
}

}  // namespace tagdrift::crawler
