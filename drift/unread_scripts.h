// The scripts a scan could not analyse in full, gathered per script from its pages' records and
// compared with the previous scan: which became unread, and which it reads again.
#pragma once

#include <string>
#include <vector>

#include "drift/changes.h"
#include "drift/report_model.h"
#include "storage/history_records.h"

namespace tagdrift::drift {

// One entry per script URL, sorted by URL, with the pages that load it. The reason and detail
// are the first record's. `previous` is null when there was no previous scan (nothing is newly
// unread then).
std::vector<UnreadScript> unread_scripts(const std::vector<storage::UnreadScriptRecord>& records,
                                         const Previous* previous);

// The scripts `previous` could not read that this scan read (`read`: the URLs it fetched and
// read) and does not list as unread, sorted.
std::vector<std::string> read_again(const Previous& previous, const std::vector<UnreadScript>& now,
                                    const std::vector<std::string>& read);

}  // namespace tagdrift::drift
