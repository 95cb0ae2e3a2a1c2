// Everything a crawl can be told: targets, scope, limits, politeness and staging access.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace tagdrift::crawler {

class TransferBudget;

enum class ScopeMode { kHost, kDomain };

struct CrawlOptions {
  std::vector<std::string> targets;  // http(s) URLs or local directories of built HTML
  std::string base_url;              // where a directory target will be served

  // Scope
  ScopeMode scope = ScopeMode::kHost;
  std::vector<std::string> include;  // RE2 patterns over the normalized URL; empty = everything
  std::vector<std::string> exclude;  // RE2 patterns over the normalized URL
  // "FROM=TO" origins: URLs on FROM found in sitemaps, robots.txt and links are crawled on TO.
  std::vector<std::string> map_origins;

  // Politeness
  bool ignore_robots = false;
  bool use_sitemaps = true;
  double rate = 0;  // requests per second per host; 0 = unlimited
  int concurrency = 8;
  // Shared with crawls running beside this one (a fleet): their transfers in flight together.
  // Null: this crawl's own concurrency is the only limit.
  std::shared_ptr<TransferBudget> transfer_budget;
  std::string user_agent;  // empty = "tagdrift/<version>"

  // Limits
  std::size_t max_pages = 10000;
  int max_depth = 50;
  std::size_t max_body_bytes = 10u << 20;  // decompressed bytes; the transfer aborts past it
  long connect_timeout_ms = 10000;
  long timeout_ms = 30000;
  long low_speed_bytes = 1000;  // slower than this for low_speed_seconds aborts the transfer
  long low_speed_seconds = 10;
  int max_redirects = 10;
  std::size_t max_url_length = 2048;
  int max_query_variants = 50;  // distinct query strings per path
  std::size_t max_links_per_page = 5000;
  int retries = 2;  // extra attempts on connection errors, 429 and 5xx
  long retry_base_ms = 500;

  // Staging access. Never written to the DB, a log or a report.
  std::vector<std::string> headers;     // "Name: value"
  std::vector<std::string> cookies;     // "name=value"
  std::string basic_auth_env;           // name of an environment variable holding "user:password"
  std::vector<std::string> resolve;     // HOST:PORT:ADDR
  std::vector<std::string> connect_to;  // HOST:PORT:CONNECT-HOST:CONNECT-PORT, as curl's
  std::string proxy;
  std::string cacert;
  bool insecure = false;

  // Scripts the detectors ask for (tag-manager containers, bundles). A larger one is not read,
  // and reported as unread; RE2 matches 20 MB in bounded time (docs/performance.md).
  std::size_t max_script_bytes = 32u << 20;
  std::size_t max_scripts = 500;

  bool progress = false;  // a progress line on stderr
  int parse_threads = 0;  // 0 = one per core
};

}  // namespace tagdrift::crawler
