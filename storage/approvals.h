// Approvals: a person's statement that a tag (by its key) is expected on a site, with a note.
// Drift reports approved tags as known instead of as findings.
#pragma once

#include <string>
#include <vector>

#include "storage/database.h"
#include "storage/history_records.h"

namespace tagdrift::storage {

// Approves `key` on `site`, or replaces the note and time of an existing approval. Throws the
// usage error "unknown tag key KEY" (naming close keys when there are some) when no scan of the
// site has seen the key.
void approve(Database& db, const std::string& site, const std::string& key,
             const std::string& note);

// Withdraws an approval. Throws the usage error "no approval for KEY" when there is none.
void revoke(Database& db, const std::string& site, const std::string& key);

// The approvals (of `site`, or of all sites when empty), by site and key.
std::vector<ApprovalRecord> approvals(const Database& db, const std::string& site = "");

}  // namespace tagdrift::storage
