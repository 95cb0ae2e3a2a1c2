// `tagdrift report [SCAN]` and `tagdrift diff [SCAN_A SCAN_B]`: render scans from the history.
#include <fmt/core.h>

#include "cli/commands.h"
#include "cli/db_flags.h"
#include "cli/fail_on_flag.h"
#include "cli/output.h"
#include "drift/fail_on.h"
#include "drift/site_history.h"
#include "report/report.h"
#include "scan/past_report.h"
#include "storage/database.h"
#include "util/error.h"
#include "util/exit_code.h"

namespace tagdrift::cli {
namespace {

struct Flags {
  DbFlags db;
  std::vector<std::int64_t> scans;
  std::string format = "text";
  std::string output;
  std::string policy;
  std::string fail_on;
};

scan::PastReportOptions past_options(const Flags& flags) {
  scan::PastReportOptions options;
  options.site = flags.db.site;
  options.policy_file = flags.policy;
  options.warn = print_warning;
  if (!flags.fail_on.empty()) {
    drift::FailOnFlag fail_on = drift::parse_fail_on_flag(flags.fail_on);
    options.fail_on = fail_on.threshold;
    options.fail_on_unread = fail_on.unread;
  }
  return options;
}

int render(const Flags& flags, const storage::Database& db, const drift::Report& report) {
  report::RenderOptions options;
  options.color = flags.output.empty() && stdout_wants_color();
  auto format = report::parse_format(flags.format);
  std::optional<drift::SiteHistory> history;
  if (format == report::Format::kHtml) {
    history = drift::read_site_history(db, report);
    options.history = &*history;
  }
  write_output(flags.output,
               [&](std::ostream& out) { report::render(report, format, options, out); });
  return static_cast<int>(report.failed ? ExitCode::kFindings : ExitCode::kOk);
}

int report_command(const Flags& flags) {
  if (flags.scans.size() > 1) throw usage_error("report takes at most one scan id");
  report::parse_format(flags.format);
  auto db = storage::Database::open(flags.db.db, storage::Database::Mode::kReadOnly);
  std::optional<std::int64_t> id;
  if (!flags.scans.empty()) id = flags.scans.front();
  return render(flags, db, scan::report_for_scan(db, id, past_options(flags)));
}

int diff_command(const Flags& flags) {
  if (flags.scans.size() == 1 || flags.scans.size() > 2) {
    throw usage_error("diff takes no scan ids or two (SCAN_A SCAN_B)");
  }
  report::parse_format(flags.format);
  auto db = storage::Database::open(flags.db.db, storage::Database::Mode::kReadOnly);
  std::optional<std::int64_t> from, to;
  if (flags.scans.size() == 2) {
    from = flags.scans[0];
    to = flags.scans[1];
  }
  return render(flags, db, scan::diff_scans(db, from, to, past_options(flags)));
}

void add_common(CLI::App& command, Flags& flags) {
  add_db_flags(command, flags.db);
  command.add_option("--format", flags.format, "text, json, markdown, junit, sarif or html")
      ->capture_default_str();
  command.add_option("--output,-o", flags.output, "Write the report to this file");
  command.add_option("--policy", flags.policy, "Policy file (TOML) to judge the scan by");
  command
      .add_option("--fail-on", flags.fail_on,
                  "never, policy, new, high, critical, unread, or a threshold,unread")
      ->check(fail_on_validator());
}

}  // namespace

void add_report_commands(CLI::App& app, Action& action) {
  auto flags = std::make_shared<Flags>();
  CLI::App* report = app.add_subcommand(
      "report", "Re-render a past scan (default: the newest) as it compared with the scan before");
  report->add_option("scan", flags->scans, "Scan id (see `tagdrift history`)");
  add_common(*report, *flags);
  report->callback([flags, &action] { action = [flags] { return report_command(*flags); }; });

  CLI::App* diff = app.add_subcommand(
      "diff", "Compare two scans of a site (default: the two newest complete scans)");
  diff->add_option("scans", flags->scans, "SCAN_A SCAN_B: the older and the newer scan id");
  add_common(*diff, *flags);
  diff->callback([flags, &action] { action = [flags] { return diff_command(*flags); }; });
}

}  // namespace tagdrift::cli
