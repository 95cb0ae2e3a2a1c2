// Hand-built scans and small checks shared by the storage tests: records with every field set,
// a whole scan written in one call, and the usage error a call throws.
#pragma once

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "storage/database.h"
#include "storage/history_records.h"
#include "storage/scan_writer.h"
#include "storage/statement.h"
#include "util/error.h"

namespace tagdrift::testing {

inline constexpr const char* kClinic = "https://www.clinic.test";
inline constexpr const char* kDental = "https://www.dental.test";

inline storage::PageRecord make_page(const std::string& site, int n) {
  storage::PageRecord page;
  page.url = site + "/page-" + std::to_string(n);
  page.final_url = page.url + "/";
  page.status = 200;
  page.content_type = "text/html; charset=utf-8";
  page.bytes = 1000 + static_cast<std::uint64_t>(n);
  page.seconds = 0.25;
  page.depth = n % 4;
  page.found_by = n == 0 ? "seed" : "link";
  page.referrer = n == 0 ? "" : site + "/";
  page.health_context = n % 3 == 0;
  if (page.health_context) page.health_terms = {"oncology", "appointment"};
  page.collects_pii = {"email"};
  page.body_hash = "sha256:" + std::to_string(n);
  page.etag = "\"e" + std::to_string(n) + "\"";
  page.last_modified = "Wed, 25 Nov 2026 10:00:00 GMT";
  page.file = "public/page-" + std::to_string(n) + "/index.html";
  return page;
}

inline storage::SightingRecord make_sighting(const std::string& page_url,
                                             const std::string& key = "meta:1234567890") {
  storage::SightingRecord sighting;
  sighting.key = key;
  sighting.signature_id = key.substr(0, key.find(':')) + "-pixel";
  sighting.vendor = key.substr(0, key.find(':'));
  sighting.product = "Pixel";
  sighting.category = "advertising";
  sighting.tag_id = key.substr(key.find(':') + 1);
  sighting.page_url = page_url;
  sighting.place = "script-inline";
  sighting.via = "";
  sighting.consent_gated = false;
  sighting.commented = false;
  sighting.events = {"PageView", "Lead"};
  sighting.enhanced_match = {"em"};
  sighting.evidence = "fbq('init', '" + sighting.tag_id + "')";
  sighting.line = 12;
  return sighting;
}

inline storage::ScanRecord make_header(const std::string& site) {
  storage::ScanRecord header;
  header.site = site;
  header.target = site + "/";
  header.options_json = R"({"max_pages":500})";
  header.started_at = "2026-11-26T10:00:00Z";
  return header;
}

// Writes a scan of `pages` pages, each with a sighting of every key in `keys`; complete when
// `finish`. Returns its id.
inline std::int64_t write_scan(storage::Database& db, const std::string& site, int pages,
                               const std::vector<std::string>& keys = {"meta:1234567890"},
                               bool finish = true, storage::ScanWriterOptions options = {}) {
  storage::ScanWriter writer(db, make_header(site), std::move(options));
  for (int n = 0; n < pages; ++n) {
    storage::PageRecord page = make_page(site, n);
    std::vector<storage::SightingRecord> sightings;
    for (const std::string& key : keys) sightings.push_back(make_sighting(page.url, key));
    writer.add_page(std::move(page), std::move(sightings));
  }
  if (finish) writer.finish({pages, 0, 0}, "2026-11-26T10:05:00Z");
  return writer.scan_id();
}

// The message of the usage error `call` throws; "no error" or "other error" otherwise.
template <typename Call>
std::string usage_error_of(Call&& call) {
  try {
    call();
  } catch (const Error& error) {
    return error.code() == ExitCode::kUsage ? error.what() : "other error";
  }
  return "no error";
}

// The whole file, or "(absent)": byte-for-byte comparisons of a file before and after.
inline std::string bytes_of(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "(absent)";
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

inline std::int64_t count_rows(storage::Database& db, const std::string& sql, std::int64_t id) {
  storage::Statement query(db.handle(), sql);
  query.bind_int(1, id);
  return query.step() ? query.int_at(0) : -1;
}

}  // namespace tagdrift::testing
