#include "report/json_report.h"

#include "util/version.h"

namespace tagdrift::report {
namespace {

using nlohmann::json;

constexpr int kSchemaVersion = 1;

json or_null(const std::string& text) { return text.empty() ? json() : json(text); }

json page_json(const scan::PageResult& result) {
  const crawler::Page& page = result.page;
  return {
      {"url", page.url},
      {"final_url", page.final_url},
      {"status", page.status},
      {"content_type", page.content_type},
      {"bytes", page.bytes},
      {"seconds", page.seconds},
      {"depth", page.depth},
      {"found_by", crawler::found_by_name(page.found_by)},
      {"error", or_null(page.error)},
      {"skipped", or_null(page.skipped)},
  };
}

json finding_json(const scan::Finding& finding) {
  json pages = json::array();
  for (const auto& page : finding.pages) {
    pages.push_back({{"url", page.url},
                     {"where", page.where},
                     {"via", or_null(page.via)},
                     {"consent_gated", page.consent_gated},
                     {"evidence", page.evidence},
                     {"line", page.line}});
  }
  return {{"key", finding.key},
          {"signature", or_null(finding.signature_id)},
          {"vendor", finding.vendor},
          {"product", finding.product},
          {"category", finding.category},
          {"tag_id", or_null(finding.tag_id)},
          {"consent_gated", finding.consent_gated},
          {"enhanced_match", finding.enhanced_match},
          {"events", finding.events},
          {"pages", pages}};
}

json commented_json(const scan::CommentedTag& tag) {
  return {{"key", tag.key},
          {"vendor", tag.vendor},
          {"tag_id", or_null(tag.tag_id)},
          {"pages", tag.pages}};
}

}  // namespace

json to_json(const scan::ScanResult& result) {
  json pages = json::array(), findings = json::array(), commented = json::array();
  for (const auto& page : result.pages) pages.push_back(page_json(page));
  for (const auto& finding : result.findings.active) findings.push_back(finding_json(finding));
  for (const auto& tag : result.findings.commented) commented.push_back(commented_json(tag));
  const auto& summary = result.summary;
  return {
      {"schema_version", kSchemaVersion},
      {"tool", {{"name", "tagdrift"}, {"version", version()}}},
      {"scan",
       {{"started_at", result.started_at},
        {"finished_at", result.finished_at},
        {"complete", true},
        {"pages_crawled", summary.pages_fetched},
        {"pages_failed", summary.pages_failed},
        {"pages_skipped", summary.pages_skipped},
        {"scripts_fetched", result.scripts_fetched},
        {"failed_targets", summary.failed_targets}}},
      {"pages", pages},
      {"findings", findings},
      {"commented", commented},
  };
}

void render_json(const scan::ScanResult& result, std::ostream& out) {
  // Invalid UTF-8 from hostile pages is replaced, never a reason to fail the report.
  out << to_json(result).dump(2, ' ', false, json::error_handler_t::replace) << '\n';
}

}  // namespace tagdrift::report
