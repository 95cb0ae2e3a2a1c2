#include "cli/crawl_flags.h"

#include <fmt/core.h>

#include <cmath>

#include "util/error.h"

namespace tagdrift::cli {
namespace {

// "10M", "512K", "1G" or plain bytes.
std::size_t parse_size(const std::string& text, const char* flag) {
  std::size_t used = 0;
  double number = 0;
  try {
    number = std::stod(text, &used);
  } catch (const std::exception&) {
    throw usage_error(fmt::format("{} expects a size like 10M, not '{}'", flag, text));
  }
  std::string unit = text.substr(used);
  double scale = 1;
  if (unit == "K" || unit == "k" || unit == "KiB")
    scale = 1024;
  else if (unit == "M" || unit == "MiB")
    scale = 1024.0 * 1024;
  else if (unit == "G" || unit == "GiB")
    scale = 1024.0 * 1024 * 1024;
  else if (!unit.empty() && unit != "B") {
    throw usage_error(fmt::format("{} expects a size like 10M, not '{}'", flag, text));
  }
  if (!(number > 0) || number * scale > 1e12) {
    throw usage_error(fmt::format("{} is out of range: '{}'", flag, text));
  }
  return static_cast<std::size_t>(number * scale);
}

long to_ms(double seconds, const char* flag) {
  if (!(seconds > 0) || seconds > 86400) {
    throw usage_error(fmt::format("{} must be between 0 and 86400 seconds", flag));
  }
  return static_cast<long>(std::ceil(seconds * 1000));
}

}  // namespace

void add_crawl_flags(CLI::App& command, crawler::CrawlOptions& o, CrawlFlagValues& v) {
  command.add_option("--base-url", o.base_url, "Where a directory target will be served")
      ->default_str("http://localhost/");
  command
      .add_option("--scope", v.scope, "Pages to crawl: the seed's host, or its registrable domain")
      ->check(CLI::IsMember({"host", "domain"}))
      ->capture_default_str();
  command.add_option("--include", o.include, "Only crawl URLs matching this RE2 pattern");
  command.add_option("--exclude", o.exclude, "Never crawl URLs matching this RE2 pattern");
  command.add_option("--map-origin", o.map_origins,
                     "FROM=TO: crawl URLs found on origin FROM (in sitemaps, robots.txt, links) "
                     "on origin TO instead, e.g. production onto staging (repeatable)");
  command.add_flag("--ignore-robots", o.ignore_robots, "Do not fetch or obey robots.txt");
  command.add_flag("!--no-sitemaps", o.use_sitemaps, "Do not read sitemaps");
  command.add_option("--rate", o.rate, "Requests per second per host (0 = unlimited)")
      ->capture_default_str();
  command.add_option("--concurrency", o.concurrency, "Transfers at once")->capture_default_str();
  command.add_option("--threads", o.parse_threads, "Parse threads (0 = one per core)")
      ->capture_default_str();
  command.add_option("--user-agent", o.user_agent, "User-Agent header (default tagdrift/VERSION)");
  command.add_option("--max-pages", o.max_pages, "Stop queueing after this many pages")
      ->capture_default_str();
  command.add_option("--max-depth", o.max_depth, "Links followed from a seed")
      ->capture_default_str();
  command.add_option("--max-body", v.max_body, "Largest page body, decompressed (e.g. 10M)")
      ->capture_default_str();
  command
      .add_option("--max-script-bytes", v.max_script,
                  "Largest script or container read for tags (e.g. 32M); a larger one is "
                  "reported as unread")
      ->capture_default_str();
  command.add_option("--connect-timeout", v.connect_timeout, "Seconds to connect")
      ->capture_default_str();
  command.add_option("--timeout", v.timeout, "Seconds for a whole transfer")->capture_default_str();
  command.add_option("--low-speed-limit", o.low_speed_bytes, "Bytes per second below which ...")
      ->capture_default_str();
  command.add_option("--low-speed-time", v.low_speed_time, "... for this many seconds aborts")
      ->capture_default_str();
  command.add_option("--max-redirects", o.max_redirects, "Redirect hops per page")
      ->capture_default_str();
  command.add_option("--max-url-length", o.max_url_length, "Longer URLs are ignored")
      ->capture_default_str();
  command
      .add_option("--max-query-variants", o.max_query_variants, "Distinct query strings per path")
      ->capture_default_str();
  command.add_option("--retries", o.retries, "Retries on connection errors, 429 and 5xx")
      ->capture_default_str();
  command.add_option("--header", o.headers, "Extra request header 'Name: value' (repeatable)");
  command.add_option("--cookie", o.cookies, "Cookie name=value (repeatable)");
  command.add_option("--basic-auth-env", o.basic_auth_env,
                     "Environment variable holding user:password for HTTP basic auth");
  command.add_option("--resolve", o.resolve, "HOST:PORT:ADDR, as curl's --resolve (repeatable)");
  command.add_option("--connect-to", o.connect_to,
                     "HOST:PORT:CONNECT-HOST:CONNECT-PORT, as curl's --connect-to (repeatable)");
  command.add_option("--proxy", o.proxy, "Proxy URL");
  command.add_option("--cacert", o.cacert, "CA bundle file for TLS");
  command.add_flag("--insecure", o.insecure, "Do not verify TLS certificates");
}

void finish_crawl_flags(const CrawlFlagValues& v, crawler::CrawlOptions& o) {
  if (o.base_url.empty()) o.base_url = "http://localhost/";
  o.scope = v.scope == "domain" ? crawler::ScopeMode::kDomain : crawler::ScopeMode::kHost;
  o.max_body_bytes = parse_size(v.max_body, "--max-body");
  o.max_script_bytes = parse_size(v.max_script, "--max-script-bytes");
  o.connect_timeout_ms = to_ms(v.connect_timeout, "--connect-timeout");
  o.timeout_ms = to_ms(v.timeout, "--timeout");
  o.low_speed_seconds = static_cast<long>(std::ceil(v.low_speed_time));
  if (o.low_speed_seconds < 1) throw usage_error("--low-speed-time must be at least 1 second");
}

}  // namespace tagdrift::cli
