#include "crawler/crawl.h"

#include <fmt/core.h>

#include <filesystem>

#include "crawler/crawl_run.h"
#include "crawler/curl_handles.h"
#include "crawler/links.h"
#include "crawler/local_site.h"
#include "crawler/origin_map.h"
#include "crawler/request_config.h"
#include "crawler/scope.h"
#include "crawler/url.h"
#include "util/error.h"

namespace tagdrift::crawler {
namespace {

void validate(const CrawlOptions& options) {
  if (options.targets.empty()) throw usage_error("no target given");
  if (options.concurrency < 1 || options.concurrency > 1024) {
    throw usage_error(fmt::format("--concurrency must be 1..1024, not {}", options.concurrency));
  }
  if (options.max_pages < 1) throw usage_error("--max-pages must be at least 1");
  if (options.max_depth < 0) throw usage_error("--max-depth must not be negative");
  if (options.max_body_bytes < 1) throw usage_error("--max-body must be at least 1 byte");
  if (options.rate < 0) throw usage_error("--rate must not be negative");
  if (options.max_redirects < 0) throw usage_error("--max-redirects must not be negative");
  if (options.retries < 0 || options.retries > 10) throw usage_error("--retries must be 0..10");
  if (options.timeout_ms < 1 || options.connect_timeout_ms < 1) {
    throw usage_error("timeouts must be positive");
  }
}

void merge(CrawlSummary& into, const CrawlSummary& from) {
  into.pages_fetched += from.pages_fetched;
  into.pages_failed += from.pages_failed;
  into.pages_skipped += from.pages_skipped;
  into.links_over_budget += from.links_over_budget;
  into.sitemap_urls_off_site += from.sitemap_urls_off_site;
  into.off_site_origins.insert(into.off_site_origins.end(), from.off_site_origins.begin(),
                               from.off_site_origins.end());
  into.failed_targets.insert(into.failed_targets.end(), from.failed_targets.begin(),
                             from.failed_targets.end());
}

// The targets split into seed URLs and directories; throws a usage error for anything else.
void split_targets(const CrawlOptions& options, std::vector<std::string>& seeds,
                   std::vector<std::filesystem::path>& directories) {
  for (const auto& target : options.targets) {
    std::error_code error;
    if (std::filesystem::is_directory(target, error)) {
      directories.emplace_back(target);
      continue;
    }
    auto url = normalize_url(target, options.max_url_length);
    if (!url) {
      throw usage_error(fmt::format("not an http(s) URL or a directory: '{}'", target));
    }
    seeds.push_back(*url);
  }
}

}  // namespace

void check_crawl_options(const CrawlOptions& options) {
  validate(options);
  std::vector<std::string> seeds;
  std::vector<std::filesystem::path> directories;
  split_targets(options, seeds, directories);
  Scope scope(options.scope, seeds, options.include, options.exclude);  // compiles the patterns
  OriginMap origins(options.map_origins, scope);
  RequestConfig config(options);  // headers, cookies, --resolve, the basic-auth variable
}

CrawlSummary crawl(const CrawlOptions& options, const PageProcessor& process, const PageSink& sink,
                   const ValidatorLookup& validators) {
  validate(options);
  std::vector<std::string> seeds;
  std::vector<std::filesystem::path> directories;
  split_targets(options, seeds, directories);
  auto started = std::chrono::steady_clock::now();
  CrawlSummary summary;
  if (!seeds.empty()) {
    ensure_curl_initialised();
    CrawlRun run(options, seeds, process, sink, validators);
    merge(summary, run.run());
  }
  for (const auto& directory : directories) {
    merge(summary, crawl_directory(directory, options, process, sink));
  }
  summary.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return summary;
}

std::vector<std::string> links_only(Page& page, std::size_t max_links) {
  return extract_links_from_html(page.body, page.final_url, max_links);
}

}  // namespace tagdrift::crawler
