// How a page or sighting row reads back into its record: one select list and one reader each,
// shared by the history's queries and the rescan's prior-scan loader.
#pragma once

#include <string_view>

#include "storage/database.h"
#include "storage/history_records.h"
#include "storage/statement.h"

namespace tagdrift::storage {

// Columns of `pages`, in the order read_page_row() reads them.
extern const std::string_view kPageColumns;
// Columns of `sightings` joined with `tags`, in the order read_sighting_row() reads them.
extern const std::string_view kSightingColumns;

// The record in the current row of `row`, its columns starting at `first`. Throws a usage error
// naming the database when a stored list is not JSON.
PageRecord read_page_row(const Statement& row, int first, const Database& db);
SightingRecord read_sighting_row(const Statement& row, int first, const Database& db);

// The scripts scan `scan_id` fetched, by URL.
std::vector<ScriptRecord> read_scripts(const Database& db, std::int64_t scan_id);

// The tag-manager containers scan `scan_id` decoded, by URL.
std::vector<ContainerRecord> read_containers(const Database& db, std::int64_t scan_id);
// The scripts scan `scan_id` could not read in full, page by page in the order it wrote them,
// each named by its page's URL.
std::vector<UnreadScriptRecord> read_unread_scripts(const Database& db, std::int64_t scan_id);

// A stored JSON list column, with the same error.
std::vector<std::string> read_list_column(const Statement& row, int column, const Database& db);

}  // namespace tagdrift::storage
