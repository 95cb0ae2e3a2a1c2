// `tagdrift signatures list|check [DIR]`: show the signatures, or verify a signature directory.
#include <fmt/core.h>
#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <string_view>

#include "cli/commands.h"
#include "detectors/signature_check.h"
#include "detectors/signature_set.h"
#include "util/exit_code.h"

namespace tagdrift::cli {
namespace {

// Each column as wide as its longest value, so long categories ("marketing-automation") and
// products stay aligned.
int list(const std::string& dir) {
  auto summaries = detectors::list_signatures(dir);
  std::size_t id = 2, vendor = 6, product = 7, category = 8;
  for (const auto& s : summaries) {
    id = std::max(id, s.id.size());
    vendor = std::max(vendor, s.vendor.size());
    product = std::max(product, s.product.size());
    category = std::max(category, s.category.size());
  }
  auto row = [&](std::string_view a, std::string_view b, std::string_view c, std::string_view d,
                 std::string_view e) {
    fmt::print("{:<{}}  {:<{}}  {:<{}}  {:<{}}  {}\n", a, id, b, vendor, c, product, d, category,
               e);
  };
  row("ID", "VENDOR", "PRODUCT", "CATEGORY", "PLACES");
  for (const auto& s : summaries) {
    row(s.id, s.vendor, s.product, s.category, fmt::format("{}", fmt::join(s.places, ",")));
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
  // Both spellings: `check DIR` as the README has it, `check --signatures DIR` as scan and list.
  auto dir_flag = std::make_shared<std::string>();
  CLI::Option* positional =
      check_command->add_option("dir", *dir, "Signature directory to check with the built-in ones");
  check_command->add_option("--signatures", *dir_flag, "The same directory, as scan takes it")
      ->excludes(positional);
  check_command->callback([dir, dir_flag, &action] {
    action = [dir, dir_flag] { return check(dir_flag->empty() ? *dir : *dir_flag); };
  });
}

}  // namespace tagdrift::cli
