#include "storage/database_probe.h"

#include <fmt/format.h>
#include <sqlite3.h>

#include <array>
#include <cstdint>
#include <filesystem>
#include <fstream>

#include "storage/database_identity.h"
#include "storage/migrations.h"
#include "storage/sqlite_handle.h"
#include "util/error.h"

namespace tagdrift::storage {

namespace {

namespace fs = std::filesystem;

constexpr std::size_t kHeaderSize = 100;
constexpr std::string_view kMagic{"SQLite format 3\0", 16};
constexpr std::size_t kApplicationIdOffset = 68;

std::string read_header(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw usage_error(fmt::format("cannot read database: {}", path));
  std::array<char, kHeaderSize> bytes{};
  in.read(bytes.data(), bytes.size());
  return std::string(bytes.data(), static_cast<std::size_t>(in.gcount()));
}

std::int32_t header_application_id(const std::string& header) {
  std::uint32_t value = 0;
  for (std::size_t i = 0; i < 4; ++i) {
    value = (value << 8) | static_cast<unsigned char>(header[kApplicationIdOffset + i]);
  }
  return static_cast<std::int32_t>(value);
}

// A "file:" URI for `path` with immutable=1: SQLite then reads without locks and never creates
// journal, -wal or -shm files.
std::string immutable_uri(const std::string& path) {
  std::string uri = path.starts_with('/') ? "file://" : "file:";
  for (char c : path) {
    if (c == '%' || c == '?' || c == '#') {
      uri += fmt::format("%{:02X}", static_cast<unsigned char>(c));
    } else {
      uri += c;
    }
  }
  return uri + "?immutable=1";
}

// Without a -wal file the main file holds every committed transaction and may be read as
// immutable. With one, the latest state may live in it, so SQLite must read it the usual way.
ConnectionHandle open_for_probe(const std::string& path) {
  std::error_code ignored;
  auto wal_size = fs::file_size(path + "-wal", ignored);
  if (!ignored && wal_size > 0) return open_connection(path, SQLITE_OPEN_READONLY, path);
  return open_connection(immutable_uri(path), SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, path);
}

}  // namespace

ProbeResult probe_database(const std::string& path) {
  std::error_code error;
  fs::file_status status = fs::status(path, error);
  if (!fs::exists(status)) return {FileState::kAbsent};
  if (!fs::is_regular_file(status)) {
    throw usage_error(fmt::format("not a tagdrift database (not a file): {}", path));
  }
  std::string header = read_header(path);
  if (header.empty()) return {FileState::kUnclaimed};
  if (header.size() < kHeaderSize || !header.starts_with(kMagic)) {
    throw usage_error(fmt::format("not a tagdrift database (not SQLite): {}", path));
  }
  std::int32_t application_id = header_application_id(header);
  if (application_id != 0 && application_id != kApplicationId) {
    throw usage_error(fmt::format("not a tagdrift database: {}", path));
  }
  ConnectionHandle db = open_for_probe(path);
  DatabaseIdentity identity = read_identity(db.get());
  check_identity(identity, path, latest_schema_version());
  if (is_unclaimed(identity)) return {FileState::kUnclaimed};
  return {FileState::kTagdrift, identity.schema_version};
}

}  // namespace tagdrift::storage
