#include "cli/db_flags.h"

#include <fmt/format.h>

#include "util/error.h"

namespace tagdrift::cli {

void add_db_flags(CLI::App& command, DbFlags& flags, bool with_site) {
  command.add_option("--db", flags.db, "History database file")->capture_default_str();
  if (with_site) {
    command.add_option("--site", flags.site,
                       "Site key (an origin such as https://www.clinic.test); default: the only "
                       "site in the database");
  }
}

std::string pick_site(const storage::History& history, const std::string& site) {
  auto sites = history.sites();
  if (!site.empty()) {
    if (std::find(sites.begin(), sites.end(), site) == sites.end()) {
      throw usage_error(fmt::format("no scans of site {} in the database", site));
    }
    return site;
  }
  if (sites.empty()) throw usage_error("the database holds no scans yet");
  if (sites.size() > 1) {
    throw usage_error(fmt::format("the database holds several sites; name one with --site ({})",
                                  fmt::join(sites, ", ")));
  }
  return sites.front();
}

}  // namespace tagdrift::cli
