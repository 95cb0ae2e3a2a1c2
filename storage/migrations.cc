#include "storage/migrations.h"

#include <fmt/format.h>

#include "storage/database_identity.h"
#include "storage/statement.h"
#include "storage/transaction.h"

namespace tagdrift::storage {

namespace {

// Version 1: the whole history store. docs/storage.md describes every column.
constexpr std::string_view kSchemaV1 = R"sql(
CREATE TABLE sites (
  id   INTEGER PRIMARY KEY,
  site TEXT NOT NULL UNIQUE
);

CREATE TABLE scans (
  id            INTEGER PRIMARY KEY,
  site_id       INTEGER NOT NULL REFERENCES sites(id),
  target        TEXT NOT NULL,
  options_json  TEXT NOT NULL DEFAULT '{}',
  started_at    TEXT NOT NULL,
  finished_at   TEXT NOT NULL DEFAULT '',
  complete      INTEGER NOT NULL DEFAULT 0 CHECK (complete IN (0, 1)),
  pages_crawled INTEGER NOT NULL DEFAULT 0,
  pages_failed  INTEGER NOT NULL DEFAULT 0,
  pages_skipped INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX scans_by_site ON scans(site_id, complete, id);

CREATE TABLE pages (
  id             INTEGER PRIMARY KEY,
  scan_id        INTEGER NOT NULL REFERENCES scans(id),
  url            TEXT NOT NULL,
  final_url      TEXT NOT NULL DEFAULT '',
  status         INTEGER NOT NULL DEFAULT 0,
  content_type   TEXT NOT NULL DEFAULT '',
  bytes          INTEGER NOT NULL DEFAULT 0,
  seconds        REAL NOT NULL DEFAULT 0,
  depth          INTEGER NOT NULL DEFAULT 0,
  found_by       TEXT NOT NULL DEFAULT '',
  referrer       TEXT NOT NULL DEFAULT '',
  error          TEXT NOT NULL DEFAULT '',
  skipped        TEXT NOT NULL DEFAULT '',
  health_context INTEGER NOT NULL DEFAULT 0,
  health_terms   TEXT NOT NULL DEFAULT '[]',
  collects_pii   TEXT NOT NULL DEFAULT '[]',
  body_hash      TEXT NOT NULL DEFAULT '',
  etag           TEXT NOT NULL DEFAULT '',
  last_modified  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX pages_by_scan ON pages(scan_id, url);

CREATE TABLE tags (
  id           INTEGER PRIMARY KEY,
  site_id      INTEGER NOT NULL REFERENCES sites(id),
  key          TEXT NOT NULL,
  signature_id TEXT NOT NULL DEFAULT '',
  vendor       TEXT NOT NULL DEFAULT '',
  product      TEXT NOT NULL DEFAULT '',
  category     TEXT NOT NULL DEFAULT '',
  tag_id       TEXT NOT NULL DEFAULT '',
  first_seen   TEXT NOT NULL,
  last_seen    TEXT NOT NULL,
  first_scan   INTEGER NOT NULL REFERENCES scans(id),
  last_scan    INTEGER NOT NULL REFERENCES scans(id),
  UNIQUE (site_id, key)
);

CREATE TABLE sightings (
  id             INTEGER PRIMARY KEY,
  scan_id        INTEGER NOT NULL REFERENCES scans(id),
  page_id        INTEGER NOT NULL REFERENCES pages(id),
  tag_ref        INTEGER NOT NULL REFERENCES tags(id),
  signature_id   TEXT NOT NULL DEFAULT '',
  page_url       TEXT NOT NULL DEFAULT '',
  place          TEXT NOT NULL DEFAULT '',
  via            TEXT NOT NULL DEFAULT '',
  consent_gated  INTEGER NOT NULL DEFAULT 0,
  commented      INTEGER NOT NULL DEFAULT 0,
  events         TEXT NOT NULL DEFAULT '[]',
  enhanced_match TEXT NOT NULL DEFAULT '[]',
  evidence       TEXT NOT NULL DEFAULT '',
  line           INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sightings_by_scan ON sightings(scan_id, page_id);
CREATE INDEX sightings_by_tag ON sightings(tag_ref, scan_id);

CREATE TABLE approvals (
  site_id     INTEGER NOT NULL REFERENCES sites(id),
  key         TEXT NOT NULL,
  note        TEXT NOT NULL DEFAULT '',
  approved_at TEXT NOT NULL,
  PRIMARY KEY (site_id, key)
);
)sql";

// Version 2: incremental rescans. A page's outgoing links and followed scripts are kept once per
// distinct content (unchanged pages of later scans point at the same row), each scan records the
// scripts it fetched, and the fingerprint of its detection rules decides whether a rescan may
// reuse its results at all.
constexpr std::string_view kSchemaV2 = R"sql(
CREATE TABLE extracts (
  id      INTEGER PRIMARY KEY,
  hash    TEXT NOT NULL UNIQUE,
  links   TEXT NOT NULL DEFAULT '[]',
  scripts TEXT NOT NULL DEFAULT '[]'
);
ALTER TABLE pages ADD COLUMN extract_id INTEGER REFERENCES extracts(id);
ALTER TABLE pages ADD COLUMN reused INTEGER NOT NULL DEFAULT 0 CHECK (reused IN (0, 1));
ALTER TABLE scans ADD COLUMN detection TEXT NOT NULL DEFAULT '';

CREATE TABLE scripts (
  scan_id   INTEGER NOT NULL REFERENCES scans(id),
  url       TEXT NOT NULL,
  body_hash TEXT NOT NULL DEFAULT '',
  error     TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (scan_id, url)
);
)sql";

// Version 3: a directory target's page keeps its file, so that a report can point code scanning
// at the file in the repository rather than at the URL it will have.
constexpr std::string_view kSchemaV3 = R"sql(
ALTER TABLE pages ADD COLUMN file TEXT NOT NULL DEFAULT '';
)sql";

// Version 4: a scan whose new or changed tags failed the gate (--fail-on new) is no baseline:
// drift compares later scans with the last scan that is, so a re-run does not pass what nobody
// approved.
constexpr std::string_view kSchemaV4 = R"sql(
ALTER TABLE scans ADD COLUMN baseline INTEGER NOT NULL DEFAULT 1 CHECK (baseline IN (0, 1));
)sql";

// Version 5: a sighting read from a decoded tag-manager container keeps where it
// was configured (container, tag, template, firing rule, how its ID was read), and each scan keeps
// the containers it decoded with their published version, so that a past scan's report names
// them as it did the day it ran and a version change shows in the next.
constexpr std::string_view kSchemaV5 = R"sql(
ALTER TABLE sightings ADD COLUMN container_id TEXT NOT NULL DEFAULT '';
ALTER TABLE sightings ADD COLUMN container_version TEXT NOT NULL DEFAULT '';
ALTER TABLE sightings ADD COLUMN container_tag INTEGER NOT NULL DEFAULT -1;
ALTER TABLE sightings ADD COLUMN container_template TEXT NOT NULL DEFAULT '';
ALTER TABLE sightings ADD COLUMN container_firing TEXT NOT NULL DEFAULT '';
ALTER TABLE sightings ADD COLUMN container_resolved TEXT NOT NULL DEFAULT '';

CREATE TABLE containers (
  scan_id      INTEGER NOT NULL REFERENCES scans(id),
  url          TEXT NOT NULL,
  container_id TEXT NOT NULL DEFAULT '',
  version      TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (scan_id, url)
);
)sql";

// Version 6: nothing skipped in silence. Each script or container a page loads that detection
// could not analyse in full (too large, failed to fetch, not JavaScript, past the script limits, a
// container that did not decode), with the reason, so that a past report shows it and drift can
// compare it.
constexpr std::string_view kSchemaV6 = R"sql(
CREATE TABLE unread_scripts (
  scan_id INTEGER NOT NULL REFERENCES scans(id),
  page_id INTEGER NOT NULL REFERENCES pages(id),
  url     TEXT NOT NULL,
  reason  TEXT NOT NULL,
  detail  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX unread_scripts_by_scan ON unread_scripts(scan_id, page_id);
)sql";

void set_pragma(sqlite3* db, std::string_view name, std::int64_t value) {
  // PRAGMA takes no bound parameters; the value is our own integer, never outside input.
  Statement(db, fmt::format("PRAGMA {} = {}", name, value)).run();
}

}  // namespace

const std::vector<Migration>& schema_migrations() {
  static const std::vector<Migration> migrations = {
      {1, kSchemaV1}, {2, kSchemaV2}, {3, kSchemaV3},
      {4, kSchemaV4}, {5, kSchemaV5}, {6, kSchemaV6},
  };
  return migrations;
}

int latest_schema_version(const std::vector<Migration>& migrations) {
  return migrations.empty() ? 0 : migrations.back().version;
}

void migrate(sqlite3* db, const std::string& path, const std::vector<Migration>& migrations) {
  const int latest = latest_schema_version(migrations);
  Transaction transaction(db);
  // Checked again under the write lock: another process may have set the file up meanwhile.
  DatabaseIdentity identity = read_identity(db);
  check_identity(identity, path, latest);
  if (identity.application_id == kApplicationId && identity.schema_version == latest) return;
  if (identity.application_id != kApplicationId) set_pragma(db, "application_id", kApplicationId);
  for (const Migration& migration : migrations) {
    if (migration.version <= identity.schema_version) continue;
    run_script(db, migration.sql);
    set_pragma(db, "user_version", migration.version);
  }
  transaction.commit();
}

}  // namespace tagdrift::storage
