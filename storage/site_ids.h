// Sites by their key: the row that a site's scans, tags and approvals hang off.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>

namespace tagdrift::storage {

// The id of `site`, or nothing when no scan of it was ever stored.
std::optional<std::int64_t> find_site(sqlite3* db, const std::string& site);

// The id of `site`, adding it first when it is new. Call inside a write transaction.
std::int64_t ensure_site(sqlite3* db, const std::string& site);

}  // namespace tagdrift::storage
