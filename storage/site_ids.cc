#include "storage/site_ids.h"

#include "storage/statement.h"

namespace tagdrift::storage {

std::optional<std::int64_t> find_site(sqlite3* db, const std::string& site) {
  Statement query(db, "SELECT id FROM sites WHERE site = ?1");
  query.bind_text(1, site);
  if (!query.step()) return std::nullopt;
  return query.int_at(0);
}

std::int64_t ensure_site(sqlite3* db, const std::string& site) {
  if (auto id = find_site(db, site)) return *id;
  Statement(db, "INSERT INTO sites (site) VALUES (?1)").bind_text(1, site).run();
  return sqlite3_last_insert_rowid(db);
}

}  // namespace tagdrift::storage
