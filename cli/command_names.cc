#include "cli/command_names.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "util/closest_name.h"
#include "util/error.h"

namespace tagdrift::cli {

void check_command_names(const CLI::App& app, int argc, const char* const* argv) {
  const CLI::App* level = &app;
  std::string prefix;  // the commands above this level: "signatures "
  for (int i = 1; i < argc; ++i) {
    const std::string word = argv[i];
    auto commands = level->get_subcommands([](const CLI::App*) { return true; });
    if (commands.empty() || word.starts_with("-")) return;  // CLI11 judges flags
    std::vector<std::string> names;
    for (const CLI::App* command : commands) names.push_back(command->get_name());
    auto known = std::find(names.begin(), names.end(), word);
    if (known == names.end()) {
      std::optional<std::string> near = closest_name(word, names);
      throw usage_error(fmt::format(
          "unknown command '{}{}'{}", prefix, word,
          near ? fmt::format("; did you mean '{}{}'?", prefix, *near) : " (see --help)"));
    }
    level = commands[static_cast<std::size_t>(known - names.begin())];
    prefix += word + " ";
  }
}

}  // namespace tagdrift::cli
