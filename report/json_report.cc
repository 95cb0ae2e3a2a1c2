#include "report/json_report.h"

#include "util/version.h"

namespace tagdrift::report {
namespace {

constexpr int kSchemaVersion = 1;

nlohmann::json page_json(const crawler::Page& page) {
  nlohmann::json json = {
      {"url", page.url},
      {"final_url", page.final_url},
      {"status", page.status},
      {"content_type", page.content_type},
      {"bytes", page.bytes},
      {"seconds", page.seconds},
      {"depth", page.depth},
      {"found_by", crawler::found_by_name(page.found_by)},
      {"error", page.error.empty() ? nlohmann::json() : nlohmann::json(page.error)},
      {"skipped", page.skipped.empty() ? nlohmann::json() : nlohmann::json(page.skipped)},
  };
  return json;
}

}  // namespace

nlohmann::json to_json(const scan::ScanResult& result) {
  nlohmann::json pages = nlohmann::json::array();
  for (const auto& page : result.pages) pages.push_back(page_json(page));
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
        {"failed_targets", summary.failed_targets}}},
      {"pages", pages},
  };
}

void render_json(const scan::ScanResult& result, std::ostream& out) {
  // Invalid UTF-8 from hostile pages is replaced, never a reason to fail the report.
  out << to_json(result).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace tagdrift::report
