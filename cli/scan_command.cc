// `tagdrift scan TARGET...`: crawl, detect, compare with history, report, gate.
#include <fmt/core.h>
#include <fmt/format.h>

#include <optional>
#include <string>

#include "cli/commands.h"
#include "cli/crawl_flags.h"
#include "cli/fail_on_flag.h"
#include "cli/output.h"
#include "crawler/url.h"
#include "drift/fail_on.h"
#include "report/report.h"
#include "scan/scan_job.h"
#include "util/error.h"
#include "util/exit_code.h"

namespace tagdrift::cli {
namespace {

struct ScanFlags {
  scan::ScanJob job;
  CrawlFlagValues crawl_values;
  std::string format = "text";
  std::string output;
  std::string fail_on;
  bool quiet = false;
  bool no_db = false;
};

// A staging target whose sitemap names production loses those pages: say so every time.
void warn_off_site(const crawler::CrawlSummary& summary) {
  if (summary.sitemap_urls_off_site == 0) return;
  fmt::print(stderr,
             "tagdrift: warning: sitemap lists {} URL{} on another origin; not crawled: {} "
             "(crawl them on the target with --map-origin FROM=TO)\n",
             summary.sitemap_urls_off_site, summary.sitemap_urls_off_site == 1 ? "" : "s",
             fmt::join(summary.off_site_origins, ", "));
}

int exit_code_for(const scan::ScanJobResult& result) {
  if (!result.summary.failed_targets.empty()) {
    for (const auto& target : result.summary.failed_targets) {
      fmt::print(stderr, "tagdrift: target could not be scanned: {}\n", target);
    }
    return static_cast<int>(ExitCode::kTargetFailed);
  }
  if (result.report.failed) {
    const drift::Report& report = result.report;
    const std::size_t unread = report.fail_on_unread ? report.unread_scripts.size() : 0;
    const std::size_t findings = report.failing.size() - unread;
    std::string what;
    if (findings > 0 || unread == 0) {
      what = fmt::format("{} finding{}", findings, findings == 1 ? "" : "s");
    }
    if (unread > 0) {
      what += fmt::format("{}{} unread script{}", what.empty() ? "" : " and ", unread,
                          unread == 1 ? "" : "s");
    }
    fmt::print(stderr, "tagdrift: --fail-on {} met by {}\n", drift::gate_name(report), what);
    return static_cast<int>(ExitCode::kFindings);
  }
  return static_cast<int>(ExitCode::kOk);
}

// A webhook that can never be reached would fail only at the end, as a warning, after the scan
// was stored: refuse it before anything is crawled or written.
void check_notify_url(const std::string& url) {
  if (url.empty()) return;
  std::optional<std::string> normal = crawler::normalize_url(url);
  std::optional<crawler::UrlParts> parts = normal ? crawler::split_url(*normal) : std::nullopt;
  // libcurl reads "https:///hook" as host "hook"; a user who wrote three slashes left it out.
  if (!parts || parts->host.empty() || url.find(":///") != std::string::npos) {
    throw usage_error(
        fmt::format("--notify needs an http:// or https:// URL with a host: {}", url));
  }
}

int run_scan_command(ScanFlags& flags) {
  finish_crawl_flags(flags.crawl_values, flags.job.scan.crawl);
  flags.job.scan.crawl.progress = !flags.quiet;
  flags.job.use_db = !flags.no_db;
  if (!flags.fail_on.empty()) {
    drift::FailOnFlag fail_on = drift::parse_fail_on_flag(flags.fail_on);
    flags.job.fail_on = fail_on.threshold;
    flags.job.fail_on_unread = fail_on.unread;
  }
  auto format = report::parse_format(flags.format);
  flags.job.read_history = format == report::Format::kHtml;
  check_notify_url(flags.job.notify_url);
  flags.job.warn = print_warning;
  // A report that cannot be written fails the command with exit 2, which promises an unchanged
  // history: find out before the scan is stored.
  check_output_writable(flags.output);
  scan::ScanJobResult result = scan::run_scan_job(flags.job);
  report::RenderOptions render_options;
  render_options.color = flags.output.empty() && stdout_wants_color();
  if (result.history) render_options.history = &*result.history;
  write_output(flags.output, [&](std::ostream& out) {
    report::render(result.report, format, render_options, out);
  });
  if (!result.notify_error.empty()) fmt::print(stderr, "tagdrift: {}\n", result.notify_error);
  warn_off_site(result.summary);
  return exit_code_for(result);
}

void add_report_flags(CLI::App& command, ScanFlags& flags) {
  CLI::Option* db =
      command.add_option("--db", flags.job.db_path, "History database file")->capture_default_str();
  command.add_flag("--no-db", flags.no_db, "Do not read or write the history database")
      ->excludes(db);
  command.add_flag("--full", flags.job.scan.full,
                   "A cold scan: fetch and analyse every page even if unchanged since the last "
                   "scan");
  command.add_option("--policy", flags.job.policy_file, "Policy file (TOML) for the CI gate");
  command
      .add_option("--fail-on", flags.fail_on,
                  "Exit 1 when met: never, policy, new, high or critical (wins over the "
                  "policy file's fail_on), and/or unread (a script not read in full), "
                  "comma-separated: new,unread")
      ->check(fail_on_validator());
  command.add_option("--format", flags.format, "text, json, markdown, junit, sarif or html")
      ->capture_default_str();
  command.add_option("--output,-o", flags.output, "Write the report to this file");
  command.add_option("--notify", flags.job.notify_url,
                     "POST a JSON summary here when the scan finds drift");
  command.add_option("--redact", flags.job.scan.redact,
                     "Query parameter names to mask in stored URLs and reports (repeatable; "
                     "default: token, key, session, password, email)");
  command.add_option("--signatures", flags.job.scan.signatures_dir,
                     "Directory of extra or overriding signature files");
  command.add_option("--health-terms", flags.job.scan.health_terms_file,
                     "Lexicon file (TOML) adding to or overriding the built-in health terms");
  command.add_flag("--quiet,-q", flags.quiet, "No progress line");
}

}  // namespace

void add_scan_command(CLI::App& app, Action& action) {
  auto flags = std::make_shared<ScanFlags>();
  CLI::App* command = app.add_subcommand(
      "scan", "Crawl a site (URL or built directory), report every tracking tag and its drift");
  command
      ->add_option("targets", flags->job.scan.crawl.targets,
                   "http(s) URLs, or directories of built HTML")
      ->required();
  add_crawl_flags(*command, flags->job.scan.crawl, flags->crawl_values);
  add_report_flags(*command, *flags);
  command->callback([flags, &action] { action = [flags] { return run_scan_command(*flags); }; });
}

}  // namespace tagdrift::cli
