// The --db and --site flags shared by the history commands, and how a site is picked.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "storage/history.h"

namespace tagdrift::cli {

struct DbFlags {
  std::string db = "tagdrift.db";
  std::string site;  // empty: the only site in the database
};

void add_db_flags(CLI::App& command, DbFlags& flags, bool with_site = true);

// The site the command is about: --site, or the only site the database holds. Throws a usage
// error when there is none or when several need telling apart.
std::string pick_site(const storage::History& history, const std::string& site);

}  // namespace tagdrift::cli
