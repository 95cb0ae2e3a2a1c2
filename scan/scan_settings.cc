#include "scan/scan_settings.h"

#include <nlohmann/json.hpp>

namespace tagdrift::scan {

std::string scan_settings_json(const ScanOptions& options) {
  const crawler::CrawlOptions& crawl = options.crawl;
  nlohmann::ordered_json json;
  json["scope"] = crawl.scope == crawler::ScopeMode::kHost ? "host" : "domain";
  json["include"] = crawl.include;
  json["exclude"] = crawl.exclude;
  json["map_origin"] = crawl.map_origins;
  json["robots"] = crawl.ignore_robots ? "ignored" : "obeyed";
  json["sitemaps"] = crawl.use_sitemaps;
  json["max_pages"] = crawl.max_pages;
  json["max_depth"] = crawl.max_depth;
  json["max_query_variants"] = crawl.max_query_variants;
  json["rate"] = crawl.rate;
  json["concurrency"] = crawl.concurrency;
  json["timeout_ms"] = crawl.timeout_ms;
  json["retries"] = crawl.retries;
  json["max_scripts"] = crawl.max_scripts;
  json["full"] = options.full;
  json["signatures"] = options.signatures_dir.empty() ? "built in" : options.signatures_dir;
  json["health_terms"] = options.health_terms_file.empty() ? "built in" : options.health_terms_file;
  json["redact"] = options.redact;
  json["staging_headers"] = crawl.headers.size();
  json["staging_cookies"] = crawl.cookies.size();
  json["basic_auth"] = !crawl.basic_auth_env.empty();
  json["proxy"] = !crawl.proxy.empty();
  json["insecure"] = crawl.insecure;
  return json.dump();
}

}  // namespace tagdrift::scan
