#include "storage/prior_page_reader.h"

#include <fmt/format.h>

#include "storage/json_text.h"
#include "storage/record_rows.h"
#include "util/error.h"

namespace tagdrift::storage {

PriorPageReader::PriorPageReader(const std::string& path)
    : db_(Database::open(path, Database::Mode::kReadOnly)), query_(db_.handle(), R"sql(
SELECT pages.content_type, pages.health_context, pages.health_terms, pages.collects_pii,
       extracts.links
FROM pages JOIN extracts ON extracts.id = ?2
WHERE pages.id = ?1)sql") {}

ReusedPage PriorPageReader::read(std::int64_t page_id, std::int64_t extract_id) {
  std::lock_guard lock(mutex_);
  query_.reset();
  query_.bind_int(1, page_id).bind_int(2, extract_id);
  if (!query_.step()) {
    throw usage_error(
        fmt::format("the last scan's page {} is gone from the database: {}", page_id, db_.path()));
  }
  ReusedPage page;
  page.content_type = query_.text_at(0);
  page.health_context = query_.bool_at(1);
  page.health_terms = read_list_column(query_, 2, db_);
  page.collects_pii = read_list_column(query_, 3, db_);
  page.links = from_json_text(query_.text_at(4));
  query_.reset();
  return page;
}

}  // namespace tagdrift::storage
