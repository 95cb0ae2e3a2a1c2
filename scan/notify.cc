#include "scan/notify.h"

#include <curl/curl.h>
#include <fmt/core.h>

#include <memory>

#include "crawler/curl_handles.h"
#include "crawler/url.h"

namespace tagdrift::scan {
namespace {

size_t discard(char*, size_t size, size_t count, void*) { return size * count; }

std::string headline(const drift::Report& report, int fresh, int changed, int removed) {
  std::string text =
      fmt::format("tagdrift: {} — {} new, {} changed, {} removed tag{}", report.scan.site, fresh,
                  changed, removed, removed == 1 ? "" : "s");
  for (const auto& finding : report.findings) {
    if (finding.status != drift::Status::kNew && finding.status != drift::Status::kChanged) {
      continue;
    }
    text += fmt::format("\n• [{}] {} {} {}: {}", drift::severity_name(finding.severity),
                        drift::status_name(finding.status),
                        finding.product.empty() ? finding.vendor : finding.product, finding.tag_id,
                        finding.reason);
  }
  return text;
}

}  // namespace

bool has_drift(const drift::Report& report) {
  for (const auto& finding : report.findings) {
    if (finding.status == drift::Status::kNew || finding.status == drift::Status::kChanged) {
      return true;
    }
  }
  return !report.removed.empty() || !report.page_changes.empty();
}

nlohmann::json notification(const drift::Report& report) {
  int fresh = 0, changed = 0;
  nlohmann::json findings = nlohmann::json::array();
  drift::Severity worst = drift::Severity::kInfo;
  for (const auto& finding : report.findings) {
    bool is_new = finding.status == drift::Status::kNew;
    if (!is_new && finding.status != drift::Status::kChanged) continue;
    (is_new ? fresh : changed) += 1;
    worst = std::max(worst, finding.severity);
    findings.push_back({{"key", finding.key},
                        {"vendor", finding.vendor},
                        {"tag_id", finding.tag_id},
                        {"status", drift::status_name(finding.status)},
                        {"severity", drift::severity_name(finding.severity)},
                        {"reason", finding.reason}});
  }
  int removed = static_cast<int>(report.removed.size());
  return {{"text", headline(report, fresh, changed, removed)},
          {"site", report.scan.site},
          {"scan_id", report.scan.id},
          {"new", fresh},
          {"changed", changed},
          {"removed", removed},
          {"worst_severity", drift::severity_name(worst)},
          {"findings", findings}};
}

std::string post_json(const std::string& url, const nlohmann::json& body, long timeout_ms) {
  std::string where = crawler::origin_of(url);
  if (where.empty()) return "notify URL is not http(s)";
  crawler::ensure_curl_initialised();
  crawler::CurlEasy easy(curl_easy_init());
  if (!easy) return "libcurl easy handle failed";
  std::string payload = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  crawler::CurlSlist headers(curl_slist_append(nullptr, "Content-Type: application/json"));
  curl_easy_setopt(easy.get(), CURLOPT_URL, url.c_str());
  curl_easy_setopt(easy.get(), CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(easy.get(), CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(easy.get(), CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(easy.get(), CURLOPT_POSTFIELDS, payload.c_str());
  curl_easy_setopt(easy.get(), CURLOPT_POSTFIELDSIZE_LARGE,
                   static_cast<curl_off_t>(payload.size()));
  curl_easy_setopt(easy.get(), CURLOPT_TIMEOUT_MS, timeout_ms);
  curl_easy_setopt(easy.get(), CURLOPT_WRITEFUNCTION, discard);
  CURLcode code = curl_easy_perform(easy.get());
  long status = 0;
  curl_easy_getinfo(easy.get(), CURLINFO_RESPONSE_CODE, &status);
  if (code != CURLE_OK) return fmt::format("notify {} failed: {}", where, curl_easy_strerror(code));
  if (status < 200 || status >= 300)
    return fmt::format("notify {} answered HTTP {}", where, status);
  return {};
}

}  // namespace tagdrift::scan
