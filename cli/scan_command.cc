// `tagdrift scan TARGET...`: crawl, detect, report.
#include <fmt/core.h>
#include <unistd.h>

#include "cli/commands.h"
#include "cli/crawl_flags.h"
#include "cli/output.h"
#include "report/report.h"
#include "scan/scan.h"
#include "util/exit_code.h"

namespace tagdrift::cli {
namespace {

struct ScanFlags {
  scan::ScanOptions options;
  CrawlFlagValues crawl_values;
  std::string format = "text";
  std::string output;
  bool quiet = false;
};

int run_scan_command(ScanFlags& flags) {
  finish_crawl_flags(flags.crawl_values, flags.options.crawl);
  flags.options.crawl.progress = !flags.quiet;
  auto format = report::parse_format(flags.format);
  scan::ScanResult result = scan::run_scan(flags.options);
  report::RenderOptions render_options;
  render_options.color = flags.output.empty() && stdout_wants_color();
  write_output(flags.output,
               [&](std::ostream& out) { report::render(result, format, render_options, out); });
  if (!result.summary.failed_targets.empty()) {
    for (const auto& target : result.summary.failed_targets) {
      fmt::print(stderr, "tagdrift: target could not be scanned: {}\n", target);
    }
    return static_cast<int>(ExitCode::kTargetFailed);
  }
  return static_cast<int>(ExitCode::kOk);
}

}  // namespace

void add_scan_command(CLI::App& app, Action& action) {
  auto flags = std::make_shared<ScanFlags>();
  CLI::App* command = app.add_subcommand("scan",
                                         "Crawl a site (URL or built directory) and "
                                         "report every tracking tag");
  command
      ->add_option("targets", flags->options.crawl.targets,
                   "http(s) URLs, or directories of built HTML")
      ->required();
  add_crawl_flags(*command, flags->options.crawl, flags->crawl_values);
  command->add_option("--signatures", flags->options.signatures_dir,
                      "Directory of extra or overriding signature files");
  command->add_option("--format", flags->format, "Report format: text or json")
      ->capture_default_str();
  command->add_option("--output,-o", flags->output, "Write the report to this file");
  command->add_flag("--quiet,-q", flags->quiet, "No progress line");
  command->callback([flags, &action] { action = [flags] { return run_scan_command(*flags); }; });
}

}  // namespace tagdrift::cli
