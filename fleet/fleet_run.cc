#include "fleet/fleet_run.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <thread>

#include "crawler/crawl.h"
#include "crawler/transfer_budget.h"
#include "detectors/signature_set.h"
#include "drift/policy.h"
#include "fleet/report_files.h"
#include "storage/database.h"
#include "util/error.h"

namespace tagdrift::fleet {
namespace {

// A site's mistake found after the file was read: named by the site's table.
[[noreturn]] void refuse(const SiteEntry& site, const std::string& what) {
  throw usage_error(fmt::format("{}: site '{}': {}", site.where, site.name, what));
}

void check_site(const FleetSite& site, const std::vector<std::string>& vendors) {
  try {
    crawler::check_crawl_options(site.job.scan.crawl);
  } catch (const Error& error) {
    refuse(site.entry, error.what());
  }
  // A policy file's own mistakes name its file and line already.
  if (!site.job.policy_file.empty()) drift::load_policy(site.job.policy_file, vendors);
}

void tell(const std::function<void(const std::string&)>& to, const std::string& line) {
  if (to) to(line);
}

std::string plural(std::size_t count, const char* word) {
  return fmt::format("{} {}{}", count, word, count == 1 ? "" : "s");
}

SiteOutcome scan_site(const FleetSite& site, const FleetOptions& options,
                      const std::shared_ptr<crawler::TransferBudget>& budget) {
  scan::ScanJob job = site.job;
  job.scan.crawl.transfer_budget = budget;
  job.read_history = !site.report_file.empty() && options.report_format == report::Format::kHtml;
  job.scan.crawl.progress = false;  // one line per site when it ends instead
  const std::string name = site.entry.name;
  job.warn = [&options, name](const std::string& what) {
    tell(options.warn, fmt::format("site '{}': {}", name, what));
  };
  const auto started = std::chrono::steady_clock::now();
  SiteOutcome outcome;
  try {
    scan::ScanJobResult result = scan::run_scan_job(job);
    outcome = outcome_of(result.report);
    if (result.summary.sitemap_urls_off_site > 0) {
      tell(options.warn, fmt::format("site '{}': sitemap lists {} URLs on another origin; not "
                                     "crawled: {}",
                                     name, result.summary.sitemap_urls_off_site,
                                     fmt::join(result.summary.off_site_origins, ", ")));
    }
    if (!result.notify_error.empty()) {
      tell(options.warn, fmt::format("site '{}': {}", name, result.notify_error));
    }
    if (!site.report_file.empty()) {
      std::string error = write_report_file(site.report_file, result.report, options.report_format,
                                            result.history ? &*result.history : nullptr);
      if (error.empty()) {
        outcome.report_file = site.report_file;
      } else {
        tell(options.warn, fmt::format("site '{}': {}", name, error));
      }
    }
  } catch (const Error& error) {
    outcome.errors.push_back(error.what());
    outcome.exit_code = static_cast<int>(ExitCode::kTargetFailed);
  } catch (const std::bad_alloc&) {
    // Nothing may leave a site's thread: the other sites go on, and this one failed.
    outcome.errors.push_back("out of memory");
    outcome.exit_code = static_cast<int>(ExitCode::kTargetFailed);
  } catch (const std::exception& error) {
    outcome.errors.push_back(std::string("internal error: ") + error.what());
    outcome.exit_code = static_cast<int>(ExitCode::kTargetFailed);
  }
  outcome.name = name;
  outcome.group = site.entry.group.value_or("");
  outcome.site = site.key;
  outcome.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return outcome;
}

std::string done_line(const SiteOutcome& site) {
  if (!site.errors.empty()) {
    return fmt::format("site '{}' failed: {}", site.name, fmt::join(site.errors, "; "));
  }
  return fmt::format("site '{}': {} crawled, {} new, {} changed ({:.1f} s)", site.name,
                     plural(static_cast<std::size_t>(site.pages_crawled), "page"),
                     site.by_status[static_cast<std::size_t>(drift::Status::kNew)],
                     site.by_status[static_cast<std::size_t>(drift::Status::kChanged)],
                     site.seconds);
}

}  // namespace

std::vector<FleetSite> plan_fleet(const std::vector<SiteEntry>& entries,
                                  const FleetOptions& options) {
  const std::string& notify = options.defaults.notify_url;
  if (!notify.empty() && !good_url(notify)) {
    throw usage_error("--notify needs an http:// or https:// URL with a host: " + notify);
  }
  std::vector<FleetSite> sites;
  std::vector<std::string> names;
  for (const SiteEntry& entry : entries) {
    scan::ScanJob job = job_for(entry, options.defaults, options.history);
    std::string key = site_key_of(job);
    sites.push_back({entry, std::move(job), std::move(key), ""});
    names.push_back(entry.name);
  }
  const std::vector<std::string> vendors =
      detectors::signature_vendors(options.defaults.scan.signatures_dir);
  std::map<std::string, const SiteEntry*> by_key;
  for (const FleetSite& site : sites) {
    check_site(site, vendors);
    auto [first, fresh] = by_key.emplace(site.key, &site.entry);
    if (!fresh) {
      refuse(site.entry, fmt::format("same site key {} as site '{}' (their histories would mix)",
                                     site.key, first->second->name));
    }
  }
  if (!options.reports_dir.empty()) {
    prepare_reports_dir(options.reports_dir);
    auto paths = report_paths(names, options.reports_dir, options.report_format);
    for (std::size_t i = 0; i < sites.size(); ++i) sites[i].report_file = paths[i].string();
  }
  // Created or upgraded once here, so the sites' threads find it ready; refused if not ours.
  if (options.history.use_db) storage::Database::open(options.history.db_path);
  return sites;
}

std::vector<SiteOutcome> run_fleet(const std::vector<FleetSite>& sites,
                                   const FleetOptions& options) {
  const int per_site = std::max(1, options.defaults.scan.crawl.concurrency);
  const std::size_t limit = options.transfer_budget > 0 ? options.transfer_budget
                                                        : static_cast<std::size_t>(2 * per_site);
  auto budget = std::make_shared<crawler::TransferBudget>(limit);
  std::vector<SiteOutcome> outcomes(sites.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < sites.size(); i = next++) {
      outcomes[i] = scan_site(sites[i], options, budget);
      tell(options.progress, done_line(outcomes[i]));
    }
  };
  const std::size_t threads =
      std::min(sites.size(), static_cast<std::size_t>(std::max(1, options.sites_concurrency)));
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& thread : pool) thread.join();
  return outcomes;
}

}  // namespace tagdrift::fleet
