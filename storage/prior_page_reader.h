// Reads back, on its own read-only connection, what a rescan reuses of an unchanged page beyond
// its head: the links the crawl follows on from it and its health context. Shared by the parse
// workers: one read at a time.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.h"
#include "storage/statement.h"

namespace tagdrift::storage {

struct ReusedPage {
  std::optional<std::vector<std::string>> links;  // none when the stored list is damaged
  std::string content_type;
  bool health_context = false;
  std::vector<std::string> health_terms, collects_pii;
};

class PriorPageReader {
 public:
  // Opens `path` read-only. Throws a usage error naming it, as Database::open does.
  explicit PriorPageReader(const std::string& path);

  // The rest of the page with row id `page_id`, its extract `extract_id`. Throws a usage error
  // naming the database when the rows are gone or a health list is damaged.
  ReusedPage read(std::int64_t page_id, std::int64_t extract_id);

 private:
  std::mutex mutex_;
  Database db_;
  Statement query_;
};

}  // namespace tagdrift::storage
