// `tagdrift history`, `tags`, `approve` and `revoke`: read and annotate the history database.
#include <fmt/core.h>
#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/db_flags.h"
#include "fleet/fleet_inventory.h"
#include "storage/approvals.h"
#include "storage/database.h"
#include "storage/history.h"
#include "util/error.h"
#include "util/exit_code.h"

namespace tagdrift::cli {
namespace {

using storage::Database;

constexpr int kOk = static_cast<int>(ExitCode::kOk);

void check_format(const std::string& format) {
  if (format != "text" && format != "json") {
    throw usage_error("unknown --format '" + format + "' (expected text or json)");
  }
}

// `history --all-sites`: one row per site, its newest scan and the one drift compares with.
int history_all_sites(const storage::History& history, const std::string& format) {
  auto states = fleet::site_states(history);
  if (format == "json") {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& s : states) {
      list.push_back(
          {{"site", s.site},
           {"scans", s.scans},
           {"latest_scan", s.latest.id},
           {"latest_started_at", s.latest.started_at},
           {"latest_complete", s.latest.complete},
           {"last_complete_scan",
            s.last_complete_scan ? nlohmann::json(*s.last_complete_scan) : nlohmann::json(nullptr)},
           {"last_complete_at", s.last_complete_at}});
    }
    std::cout << list.dump(2) << '\n';
    return kOk;
  }
  constexpr std::string_view kRow = "{:<{}}  {:>5}  {:>6}  {:<20}  {:<10}  {:>13}\n";
  std::size_t width = 4;
  for (const auto& s : states) width = std::max(width, s.site.size());
  fmt::print(kRow, "SITE", width, "SCANS", "LATEST", "STARTED", "STATE", "LAST COMPLETE");
  for (const auto& s : states) {
    fmt::print(kRow, s.site, width, s.scans, s.latest.id, s.latest.started_at,
               s.latest.complete ? "complete" : "incomplete",
               s.last_complete_scan ? std::to_string(*s.last_complete_scan) : "-");
  }
  return kOk;
}

int history(const DbFlags& flags, const std::string& format, bool all_sites) {
  check_format(format);
  Database db = Database::open(flags.db, Database::Mode::kReadOnly);
  if (all_sites) return history_all_sites(storage::History(db), format);
  storage::History history(db);
  if (!flags.site.empty()) pick_site(history, flags.site);  // an unknown site is an error
  auto scans = history.list_scans(flags.site);
  if (format == "json") {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& s : scans) {
      list.push_back({{"id", s.id},
                      {"site", s.site},
                      {"target", s.target},
                      {"started_at", s.started_at},
                      {"finished_at", s.finished_at},
                      {"complete", s.complete},
                      {"pages_crawled", s.pages_crawled},
                      {"pages_failed", s.pages_failed},
                      {"pages_skipped", s.pages_skipped}});
    }
    std::cout << list.dump(2) << '\n';
    return kOk;
  }
  fmt::print("{:>5}  {:<20}  {:<10}  {:>6}  {:>6}  {:>7}  {}\n", "SCAN", "STARTED", "STATE",
             "PAGES", "FAILED", "SKIPPED", "SITE");
  for (const auto& s : scans) {
    fmt::print("{:>5}  {:<20}  {:<10}  {:>6}  {:>6}  {:>7}  {}\n", s.id, s.started_at,
               s.complete ? "complete" : "incomplete", s.pages_crawled, s.pages_failed,
               s.pages_skipped, s.site);
  }
  return kOk;
}

// A tag seen in its last scan only inside comments is a reinstall waiting to happen, not a live
// tag: the inventory says so rather than list it like the others.
bool commented_out(const storage::TagRecord& tag) {
  return tag.pages_last_scan == 0 && tag.pages_commented_last_scan > 0;
}

// `tags --all-sites`: which vendor and tag ID runs on which site, now.
int tags_all_sites(const storage::History& history, const std::string& format) {
  auto tags = fleet::tags_across_sites(history);
  if (format == "json") {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& t : tags) {
      nlohmann::json sites = nlohmann::json::array();
      for (const auto& on : t.sites) {
        sites.push_back({{"site", on.site},
                         {"pages", on.pages},
                         {"first_seen", on.first_seen},
                         {"approved", on.approved}});
      }
      list.push_back({{"key", t.key},
                      {"vendor", t.vendor},
                      {"product", t.product},
                      {"category", t.category},
                      {"tag_id", t.tag_id},
                      {"sites", sites}});
    }
    std::cout << list.dump(2) << '\n';
    return kOk;
  }
  constexpr std::string_view kRow = "{:<20}  {:<24}  {:<16}  {:>5}  {}\n";
  fmt::print(kRow, "VENDOR", "TAG ID", "CATEGORY", "SITES", "WHERE");
  for (const auto& t : tags) {
    std::vector<std::string> where;
    for (const auto& on : t.sites) where.push_back(on.site);
    // A tag without an ID (an unknown third party) is told apart by its key.
    fmt::print(kRow, t.vendor, t.tag_id.empty() ? t.key : t.tag_id, t.category, t.sites.size(),
               fmt::join(where, " "));
  }
  return kOk;
}

int tags(const DbFlags& flags, const std::string& format, bool all_sites) {
  check_format(format);
  Database db = Database::open(flags.db, Database::Mode::kReadOnly);
  if (all_sites) return tags_all_sites(storage::History(db), format);
  storage::History history(db);
  if (!flags.site.empty()) pick_site(history, flags.site);  // an unknown site is an error
  auto records = history.tags(flags.site);
  if (format == "json") {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& t : records) {
      list.push_back({{"site", t.site},
                      {"key", t.key},
                      {"signature", t.signature_id},
                      {"vendor", t.vendor},
                      {"product", t.product},
                      {"category", t.category},
                      {"tag_id", t.tag_id},
                      {"first_seen", t.first_seen},
                      {"last_seen", t.last_seen},
                      {"first_scan", t.first_scan},
                      {"last_scan", t.last_scan},
                      {"state", commented_out(t) ? "commented" : "live"},
                      {"pages_last_scan", t.pages_last_scan},
                      {"pages_commented_last_scan", t.pages_commented_last_scan},
                      {"approved", t.approved},
                      {"approval_note", t.approval_note}});
    }
    std::cout << list.dump(2) << '\n';
    return kOk;
  }
  // PAGES counts the pages in the tag's STATE. SITE is always shown, as in `history`, so the
  // inventory of a database holding several sites says whose tag each row is.
  std::size_t site_width = 4;
  for (const auto& t : records) site_width = std::max(site_width, t.site.size());
  constexpr std::string_view kRow = "{:<48}  {:<16}  {:<9}  {:<20}  {:<20}  {:>5}  {:<{}}  {}\n";
  fmt::print(kRow, "KEY", "CATEGORY", "STATE", "FIRST SEEN", "LAST SEEN", "PAGES", "SITE",
             site_width, "STATUS");
  for (const auto& t : records) {
    const bool commented = commented_out(t);
    fmt::print(kRow, t.key, t.category, commented ? "commented" : "live", t.first_seen, t.last_seen,
               commented ? t.pages_commented_last_scan : t.pages_last_scan, t.site, site_width,
               t.approved ? "approved: " + t.approval_note : std::string("-"));
  }
  return kOk;
}

int approve(const DbFlags& flags, const std::string& key, const std::string& note) {
  Database db = Database::open(flags.db, Database::Mode::kReadWrite);
  std::string site = pick_site(storage::History(db), flags.site);
  storage::approve(db, site, key, note);
  fmt::print(stderr, "approved {} on {}\n", key, site);
  return kOk;
}

int revoke(const DbFlags& flags, const std::string& key) {
  Database db = Database::open(flags.db, Database::Mode::kReadWrite);
  std::string site = pick_site(storage::History(db), flags.site);
  storage::revoke(db, site, key);
  fmt::print(stderr, "revoked the approval of {} on {}\n", key, site);
  return kOk;
}

struct Flags {
  DbFlags db;
  std::string format = "text";
  std::string key;
  std::string note;
  bool all_sites = false;
};

void add_all_sites_flag(CLI::App& command, Flags& flags, const char* what) {
  CLI::Option* site = command.get_option("--site");
  command.add_flag("--all-sites", flags.all_sites, what)->excludes(site);
}

}  // namespace

void add_history_commands(CLI::App& app, Action& action) {
  auto flags = std::make_shared<Flags>();
  CLI::App* list = app.add_subcommand("history", "List the scans in the history, per site");
  add_db_flags(*list, flags->db);
  list->add_option("--format", flags->format, "text or json")->capture_default_str();
  add_all_sites_flag(*list, *flags, "One row per site: its newest scan and last complete one");
  list->callback([flags, &action] {
    action = [flags] { return history(flags->db, flags->format, flags->all_sites); };
  });

  CLI::App* inventory = app.add_subcommand("tags",
                                           "The tag inventory: first and last seen, "
                                           "pages, approval");
  add_db_flags(*inventory, flags->db);
  inventory->add_option("--format", flags->format, "text or json")->capture_default_str();
  add_all_sites_flag(*inventory, *flags,
                     "Which vendor and tag ID runs on which site, across every site");
  inventory->callback([flags, &action] {
    action = [flags] { return tags(flags->db, flags->format, flags->all_sites); };
  });

  CLI::App* ok = app.add_subcommand("approve", "Mark a tag identity (KEY) as expected on a site");
  add_db_flags(*ok, flags->db);
  ok->add_option("key", flags->key, "Tag key, as `tagdrift tags` shows it")->required();
  ok->add_option("--note", flags->note, "Why it is expected (who approved, reference)")->required();
  ok->callback([flags, &action] {
    action = [flags] { return approve(flags->db, flags->key, flags->note); };
  });

  CLI::App* undo = app.add_subcommand("revoke", "Withdraw the approval of a tag identity");
  add_db_flags(*undo, flags->db);
  undo->add_option("key", flags->key, "Tag key")->required();
  undo->callback([flags, &action] { action = [flags] { return revoke(flags->db, flags->key); }; });
}

}  // namespace tagdrift::cli
