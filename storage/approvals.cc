#include "storage/approvals.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>

#include "storage/site_ids.h"
#include "storage/statement.h"
#include "storage/transaction.h"
#include "util/ascii.h"
#include "util/error.h"
#include "util/time.h"

namespace tagdrift::storage {

namespace {

constexpr std::size_t kMaxSuggestions = 3;

// Keys of the site that contain the wanted key's id part (after the vendor) or the whole key:
// "1234" or "meta:1234" both find "facebook:1234".
std::vector<std::string> close_keys(sqlite3* db, std::int64_t site_id, const std::string& key) {
  std::string wanted = ascii_lowercase(key);
  std::size_t colon = wanted.find(':');
  std::string id_part = colon == std::string::npos ? wanted : wanted.substr(colon + 1);
  Statement query(db, "SELECT key FROM tags WHERE site_id = ?1 ORDER BY key");
  query.bind_int(1, site_id);
  std::vector<std::string> close;
  while (query.step() && close.size() < kMaxSuggestions) {
    std::string candidate = ascii_lowercase(query.text_at(0));
    bool similar = candidate.find(wanted) != std::string::npos ||
                   (!id_part.empty() && candidate.find(id_part) != std::string::npos);
    if (similar) close.push_back(query.text_at(0));
  }
  return close;
}

[[noreturn]] void throw_unknown_key(sqlite3* db, std::optional<std::int64_t> site_id,
                                    const std::string& key) {
  std::vector<std::string> close;
  if (site_id) close = close_keys(db, *site_id, key);
  if (close.empty()) throw usage_error(fmt::format("unknown tag key {}", key));
  throw usage_error(
      fmt::format("unknown tag key {} (did you mean {}?)", key, fmt::join(close, ", ")));
}

bool tag_known(sqlite3* db, std::int64_t site_id, const std::string& key) {
  Statement query(db, "SELECT 1 FROM tags WHERE site_id = ?1 AND key = ?2");
  query.bind_int(1, site_id).bind_text(2, key);
  return query.step();
}

}  // namespace

void approve(Database& db, const std::string& site, const std::string& key,
             const std::string& note) {
  db.require_writable();
  Transaction transaction(db.handle());
  std::optional<std::int64_t> site_id = find_site(db.handle(), site);
  if (!site_id || !tag_known(db.handle(), *site_id, key)) {
    throw_unknown_key(db.handle(), site_id, key);
  }
  Statement(db.handle(), R"sql(
INSERT INTO approvals (site_id, key, note, approved_at) VALUES (?1, ?2, ?3, ?4)
ON CONFLICT (site_id, key) DO UPDATE SET note = excluded.note, approved_at = excluded.approved_at
)sql")
      .bind_int(1, *site_id)
      .bind_text(2, key)
      .bind_text(3, note)
      .bind_text(4, utc_now_iso8601())
      .run();
  transaction.commit();
}

void revoke(Database& db, const std::string& site, const std::string& key) {
  db.require_writable();
  Transaction transaction(db.handle());
  std::optional<std::int64_t> site_id = find_site(db.handle(), site);
  if (site_id) {
    Statement(db.handle(), "DELETE FROM approvals WHERE site_id = ?1 AND key = ?2")
        .bind_int(1, *site_id)
        .bind_text(2, key)
        .run();
  }
  if (!site_id || sqlite3_changes(db.handle()) == 0) {
    throw usage_error(fmt::format("no approval for {}", key));
  }
  transaction.commit();
}

std::vector<ApprovalRecord> approvals(const Database& db, const std::string& site) {
  Statement query(db.handle(), R"sql(
SELECT sites.site, approvals.key, approvals.note, approvals.approved_at
FROM approvals JOIN sites ON sites.id = approvals.site_id
WHERE ?1 = '' OR sites.site = ?1
ORDER BY sites.site, approvals.key)sql");
  query.bind_text(1, site);
  std::vector<ApprovalRecord> records;
  while (query.step()) {
    records.push_back({query.text_at(0), query.text_at(1), query.text_at(2), query.text_at(3)});
  }
  return records;
}

}  // namespace tagdrift::storage
