#include "tests/hostile/tagdrift_process.h"

#include <sqlite3.h>

#include <memory>
#include <stdexcept>

#include "tests/support/temp_dir.h"

namespace tagdrift::testing {
namespace {

// Forked before any test builds a large hostile page, so that it stays a few MiB: what the
// children's peak RSS figures include of it.
[[maybe_unused]] const bool kSpawnerStarted = (start_spawner(), true);

}  // namespace

std::string tagdrift_binary() { return TAGDRIFT_BINARY; }

ScanRun run_scan(const std::string& url, const std::filesystem::path& dir,
                 const std::vector<std::string>& flags, const std::vector<std::string>& extra_env) {
  const auto report_path = dir / "r.json";
  std::filesystem::remove(report_path);
  std::vector<std::string> argv = {tagdrift_binary(),       "scan",     url,    "--db",
                                   (dir / "x.db").string(), "--format", "json", "--output",
                                   report_path.string(),    "--quiet"};
  argv.insert(argv.end(), flags.begin(), flags.end());
  ScanRun run;
  run.child = run_child(argv, dir, extra_env);
  if (std::filesystem::exists(report_path)) {
    run.report = nlohmann::json::parse(read_file(report_path));
  }
  return run;
}

ChildResult run_tagdrift(const std::vector<std::string>& args, const std::filesystem::path& dir,
                         const std::vector<std::string>& extra_env) {
  std::vector<std::string> argv = {tagdrift_binary()};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_child(argv, dir, extra_env);
}

const nlohmann::json* find_page(const nlohmann::json& report, const std::string& url) {
  if (!report.contains("pages")) return nullptr;
  for (const auto& page : report["pages"]) {
    if (page["url"] == url) return &page;
  }
  return nullptr;
}

std::vector<std::vector<std::string>> query(const std::filesystem::path& path,
                                            const std::string& sql) {
  sqlite3* raw = nullptr;
  if (sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(raw);
    throw std::runtime_error("cannot open " + path.string());
  }
  std::unique_ptr<sqlite3, decltype(&sqlite3_close)> db(raw, sqlite3_close);
  sqlite3_stmt* raw_statement = nullptr;
  if (sqlite3_prepare_v2(db.get(), sql.c_str(), -1, &raw_statement, nullptr) != SQLITE_OK) {
    throw std::runtime_error(std::string("bad query: ") + sqlite3_errmsg(db.get()));
  }
  std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)> statement(raw_statement,
                                                                       sqlite3_finalize);
  std::vector<std::vector<std::string>> rows;
  int rc = 0;
  while ((rc = sqlite3_step(statement.get())) == SQLITE_ROW) {
    std::vector<std::string> row;
    for (int i = 0; i < sqlite3_column_count(statement.get()); ++i) {
      const unsigned char* text = sqlite3_column_text(statement.get(), i);
      row.emplace_back(text != nullptr ? reinterpret_cast<const char*>(text) : "");
    }
    rows.push_back(std::move(row));
  }
  if (rc != SQLITE_DONE) throw std::runtime_error(std::string(sqlite3_errmsg(db.get())));
  return rows;
}

}  // namespace tagdrift::testing
