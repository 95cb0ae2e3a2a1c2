#include "scan/records.h"

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
  return record;
}

}  // namespace

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
