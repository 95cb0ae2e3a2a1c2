#include "fleet/site_job.h"

#include "scan/page_rows.h"

namespace tagdrift::fleet {

scan::ScanJob job_for(const SiteEntry& site, const scan::ScanJob& defaults,
                      const HistoryHandle& history) {
  scan::ScanJob job = defaults;
  crawler::CrawlOptions& crawl = job.scan.crawl;
  crawl.targets = site.targets;
  if (site.base_url) crawl.base_url = *site.base_url;
  if (site.scope) {
    crawl.scope = *site.scope == "domain" ? crawler::ScopeMode::kDomain : crawler::ScopeMode::kHost;
  }
  if (site.include) crawl.include = *site.include;
  if (site.exclude) crawl.exclude = *site.exclude;
  if (site.max_pages) crawl.max_pages = *site.max_pages;
  if (site.policy) job.policy_file = *site.policy;
  if (site.notify) job.notify_url = *site.notify;
  if (site.fail_on) job.fail_on = *site.fail_on;
  job.db_path = history.db_path;
  job.use_db = history.use_db;
  return job;
}

std::string site_key_of(const scan::ScanJob& job) {
  return scan::site_key(job.scan.crawl.targets, job.scan.crawl.base_url);
}

}  // namespace tagdrift::fleet
