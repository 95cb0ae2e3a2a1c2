// `tagdrift signatures list|check [DIR]`: show the signatures, or verify a signature directory.
#include <fmt/core.h>
#include <fmt/format.h>

#include "cli/commands.h"
#include "detectors/signature_check.h"
#include "detectors/signature_set.h"
#include "util/exit_code.h"

namespace tagdrift::cli {
namespace {

int list(const std::string& dir) {
  auto summaries = detectors::list_signatures(dir);
  fmt::print("{:<32} {:<22} {:<16} {}\n", "ID", "VENDOR", "CATEGORY", "PLACES");
  for (const auto& s : summaries) {
    fmt::print("{:<32} {:<22} {:<16} {}\n", s.id, s.vendor, s.category, fmt::join(s.places, ","));
  }
  fmt::print(stderr, "{} signatures\n", summaries.size());
  return static_cast<int>(ExitCode::kOk);
}

int check(const std::string& dir) {
  auto failures = detectors::check_signatures(dir);
  for (const auto& failure : failures) fmt::print("{}\n", failure);
  if (!failures.empty()) {
    fmt::print(stderr, "tagdrift: {} signature problem{}\n", failures.size(),
               failures.size() == 1 ? "" : "s");
    return static_cast<int>(ExitCode::kUsage);
  }
  fmt::print(stderr, "signatures ok\n");
  return static_cast<int>(ExitCode::kOk);
}

}  // namespace

void add_signatures_command(CLI::App& app, Action& action) {
  CLI::App* command = app.add_subcommand("signatures", "List or check the tag signatures");
  command->require_subcommand(1);
  auto dir = std::make_shared<std::string>();
  CLI::App* list_command = command->add_subcommand("list", "List every signature");
  list_command->add_option("--signatures", *dir, "Extra or overriding signature directory");
  list_command->callback([dir, &action] { action = [dir] { return list(*dir); }; });
  CLI::App* check_command = command->add_subcommand(
      "check", "Compile every pattern and run every example (built-in plus DIR)");
  check_command->add_option("dir", *dir, "Signature directory to check with the built-in ones");
  check_command->callback([dir, &action] { action = [dir] { return check(*dir); }; });
}

}  // namespace tagdrift::cli
