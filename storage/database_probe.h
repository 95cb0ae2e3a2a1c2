// Looks at a database file before anything may write to it, so that a file which is not a
// tagdrift database (or belongs to a newer tagdrift) is refused byte-for-byte untouched.
#pragma once

#include <string>

namespace tagdrift::storage {

enum class FileState {
  kAbsent,     // nothing at the path yet
  kUnclaimed,  // an empty file, or SQLite with no tables and no application id: ours to set up
  kTagdrift,   // a tagdrift database this build understands
};

struct ProbeResult {
  FileState state = FileState::kAbsent;
  int schema_version = 0;
};

// Reads the file's header, then (when it is SQLite) its identity through a read-only connection
// that takes no locks and creates no -wal or -shm file unless a -wal file is already there.
// Throws a usage error naming `path` for anything that is not SQLite, another application's
// database, or a newer tagdrift's.
ProbeResult probe_database(const std::string& path);

}  // namespace tagdrift::storage
