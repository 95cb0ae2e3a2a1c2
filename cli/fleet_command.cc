// `tagdrift fleet SITES.toml`: scan every site the file names, each as `scan` would, and print
// the fleet summary.
#include <fmt/core.h>

#include <memory>
#include <string>

#include "cli/commands.h"
#include "cli/crawl_flags.h"
#include "cli/fail_on_flag.h"
#include "cli/output.h"
#include "drift/fail_on.h"
#include "fleet/fleet_run.h"
#include "fleet/fleet_summary.h"
#include "fleet/sites_file.h"
#include "report/report.h"
#include "util/error.h"

namespace tagdrift::cli {
namespace {

struct FleetFlags {
  std::string sites_file;
  fleet::FleetOptions options;
  CrawlFlagValues crawl_values;
  std::string format = "text";
  std::string report_format;  // empty: as --format
  std::string output;
  std::string fail_on;
  bool quiet = false;
  bool no_db = false;
};

int run_fleet_command(FleetFlags& flags) {
  scan::ScanJob& defaults = flags.options.defaults;
  finish_crawl_flags(flags.crawl_values, defaults.scan.crawl);
  if (!flags.fail_on.empty()) {
    const drift::FailOnFlag fail_on = drift::parse_fail_on_flag(flags.fail_on);
    defaults.fail_on = fail_on.threshold;
    defaults.fail_on_unread = fail_on.unread;
  }
  flags.options.history.use_db = !flags.no_db;
  const fleet::SummaryFormat format = fleet::parse_summary_format(flags.format);
  flags.options.report_format =
      report::parse_format(flags.report_format.empty() ? flags.format : flags.report_format);
  if (flags.options.sites_concurrency < 1) {
    throw usage_error("--sites-concurrency must be at least 1");
  }
  flags.options.warn = print_warning;
  if (!flags.quiet) {
    flags.options.progress = [](const std::string& line) {
      fmt::print(stderr, "tagdrift: {}\n", line);
    };
  }
  // Every site and the output are checked before the first site is scanned.
  std::vector<fleet::SiteEntry> entries = fleet::load_sites_file(flags.sites_file);
  check_output_writable(flags.output);
  std::vector<fleet::FleetSite> sites = fleet::plan_fleet(entries, flags.options);
  std::vector<fleet::SiteOutcome> outcomes = fleet::run_fleet(sites, flags.options);
  write_output(flags.output,
               [&](std::ostream& out) { fleet::render_summary(outcomes, format, out); });
  return fleet::fleet_exit_code(outcomes);
}

void add_fleet_flags(CLI::App& command, FleetFlags& flags) {
  scan::ScanJob& job = flags.options.defaults;
  CLI::Option* db = command
                        .add_option("--db", flags.options.history.db_path,
                                    "History database file, one for every site")
                        ->capture_default_str();
  command.add_flag("--no-db", flags.no_db, "Do not read or write the history database")
      ->excludes(db);
  command.add_flag("--full", job.scan.full, "Cold scans: reuse nothing from the last scans");
  command.add_option("--policy", job.policy_file,
                     "Policy file (TOML) for sites whose table names none");
  command
      .add_option("--fail-on", flags.fail_on,
                  "Default gate for sites whose table sets no fail_on: never, policy, new, high "
                  "or critical, and/or unread (every site), comma-separated: new,unread")
      ->check(fail_on_validator());
  command.add_option("--format", flags.format, "Fleet summary: text, json or junit")
      ->capture_default_str();
  command.add_option("--output,-o", flags.output, "Write the fleet summary to this file");
  command.add_option("--reports", flags.options.reports_dir,
                     "Also write each site's full report into this folder, one file per site");
  command.add_option("--report-format", flags.report_format,
                     "Format of the --reports files: text, json, markdown, junit, sarif or html "
                     "(default: --format)");
  command
      .add_option("--sites-concurrency", flags.options.sites_concurrency, "Sites scanned at once")
      ->capture_default_str();
  command.add_option("--transfer-budget", flags.options.transfer_budget,
                     "Transfers in flight across all sites (default: 2 x --concurrency)");
  command.add_option("--notify", job.notify_url,
                     "POST a JSON summary here when a site's scan finds drift (sites whose table "
                     "sets no notify)");
  command.add_option("--redact", job.scan.redact,
                     "Query parameter names to mask in stored URLs and reports (repeatable)");
  command.add_option("--signatures", job.scan.signatures_dir,
                     "Directory of extra or overriding signature files");
  command.add_option("--health-terms", job.scan.health_terms_file,
                     "Lexicon file (TOML) adding to or overriding the built-in health terms");
  command.add_flag("--quiet,-q", flags.quiet, "No line per site as it ends");
}

}  // namespace

void add_fleet_command(CLI::App& app, Action& action) {
  auto flags = std::make_shared<FleetFlags>();
  CLI::App* command =
      app.add_subcommand("fleet", "Scan every site a SITES.toml file names, into one history");
  command->add_option("sites", flags->sites_file, "The sites file (TOML, one [[site]] each)")
      ->required();
  add_crawl_flags(*command, flags->options.defaults.scan.crawl, flags->crawl_values);
  add_fleet_flags(*command, *flags);
  command->callback([flags, &action] { action = [flags] { return run_fleet_command(*flags); }; });
}

}  // namespace tagdrift::cli
