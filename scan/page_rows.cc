#include "scan/page_rows.h"

#include <filesystem>

#include "crawler/url.h"
#include "storage/redact.h"

namespace tagdrift::scan {
namespace {

storage::SightingRecord to_record(const detectors::Sighting& sighting,
                                  const std::vector<std::string>& redact) {
  storage::SightingRecord record;
  record.key = detectors::identity_key(sighting);
  record.signature_id = sighting.signature_id;
  record.vendor = sighting.vendor;
  record.product = sighting.product;
  record.category = sighting.category;
  record.tag_id = sighting.tag_id;
  record.page_url = storage::redact_url(sighting.page_url, redact);
  record.place = detectors::place_kind_name(sighting.place);
  record.via = sighting.via.empty() ? "" : storage::redact_url(sighting.via, redact);
  record.consent_gated = sighting.consent_gated;
  record.commented = sighting.commented;
  record.events = sighting.events;
  record.enhanced_match = sighting.enhanced_match;
  record.evidence = sighting.evidence;
  record.line = sighting.line;
  const detectors::ContainerOrigin& origin = sighting.container;
  record.container = {origin.container_id,  origin.version, origin.tag_id,
                      origin.template_name, origin.firing,  origin.resolved};
  return record;
}

bool free_of_secrets(const std::vector<std::string>& urls, const std::vector<std::string>& redact) {
  for (const std::string& url : urls) {
    if (storage::redact_url(url, redact) != url) return false;
  }
  return true;
}

PageRows reused_rows(const crawler::Page& page, ReusedResults reused,
                     const std::vector<std::string>& redact) {
  PageRows rows{to_page_record(page, redact), std::move(reused.sightings)};
  storage::PageRecord& record = rows.page;
  if (record.content_type.empty()) record.content_type = std::move(reused.page.content_type);
  record.health_context = reused.page.health_context;
  record.health_terms = std::move(reused.page.health_terms);
  record.collects_pii = std::move(reused.page.collects_pii);
  record.body_hash = std::move(reused.body_hash);
  if (record.etag.empty() && record.last_modified.empty()) {
    record.etag = std::move(reused.etag);
    record.last_modified = std::move(reused.last_modified);
  }
  record.reused = true;
  record.extract = storage::PageExtract{{}, {}, reused.extract_id};
  record.unread = std::move(reused.unread);
  for (storage::UnreadScriptRecord& unread : record.unread) unread.page_url = record.url;
  return rows;
}

}  // namespace

PageRows to_page_rows(const crawler::Page& page, PageAnalysis analysis,
                      const std::vector<std::string>& redact) {
  if (analysis.reused && page.error.empty()) {
    return reused_rows(page, std::move(*analysis.reused), redact);
  }
  PageRows rows{to_page_record(page, redact), to_sighting_records(analysis.detections, redact)};
  storage::PageRecord& record = rows.page;
  record.health_context = analysis.context.health_context;
  record.health_terms = std::move(analysis.context.health_terms);
  record.collects_pii = std::move(analysis.context.collects_pii);
  record.body_hash = std::move(analysis.body_hash);
  for (const detectors::UnreadScript& unread : analysis.detections.unread) {
    record.unread.push_back({record.url, storage::redact_url(unread.url, redact),
                             detectors::unread_reason_name(unread.reason),
                             storage::redact_urls_in_text(unread.detail, redact)});
  }
  std::vector<std::string>& scripts = analysis.detections.followed;
  bool parsed = page.error.empty() && page.skipped.empty() && !record.body_hash.empty();
  if (parsed && free_of_secrets(analysis.links, redact) && free_of_secrets(scripts, redact)) {
    record.extract = storage::PageExtract{std::move(analysis.links), std::move(scripts), 0};
  }
  return rows;
}

storage::PageRecord to_page_record(const crawler::Page& page,
                                   const std::vector<std::string>& redact) {
  storage::PageRecord record;
  record.url = storage::redact_url(page.url, redact);
  record.final_url = storage::redact_url(page.final_url, redact);
  record.status = page.status;
  record.content_type = page.content_type;
  record.bytes = page.bytes;
  record.seconds = page.seconds;
  record.depth = page.depth;
  record.found_by = crawler::found_by_name(page.found_by);
  record.referrer = page.referrer.empty() ? "" : storage::redact_url(page.referrer, redact);
  record.error = storage::redact_urls_in_text(page.error, redact);
  record.skipped = page.skipped;
  record.etag = page.etag;
  record.last_modified = page.last_modified;
  record.file = page.file;
  return record;
}

std::vector<storage::SightingRecord> to_sighting_records(
    const detectors::PageDetections& detections, const std::vector<std::string>& redact) {
  std::vector<storage::SightingRecord> records;
  records.reserve(detections.active.size() + detections.unknown.size() +
                  detections.commented.size());
  for (const auto* list : {&detections.active, &detections.unknown, &detections.commented}) {
    for (const auto& sighting : *list) records.push_back(to_record(sighting, redact));
  }
  return records;
}

std::string site_key(const std::vector<std::string>& targets, const std::string& base_url) {
  if (targets.empty()) return {};
  std::error_code error;
  const std::string& first = targets.front();
  std::string url = std::filesystem::is_directory(first, error) ? base_url : first;
  std::string origin = crawler::origin_of(url);
  return origin.empty() ? first : origin;
}

}  // namespace tagdrift::scan
