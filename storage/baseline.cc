#include "storage/baseline.h"

#include "storage/statement.h"

namespace tagdrift::storage {

void exclude_from_baseline(const Database& db, std::int64_t id) {
  Statement(db.handle(), "UPDATE scans SET baseline = 0 WHERE id = ?1").bind_int(1, id).run();
}

}  // namespace tagdrift::storage
