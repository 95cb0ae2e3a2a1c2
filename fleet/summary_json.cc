// The fleet summary for programs, as docs/fleet.schema.json describes it.
#include <nlohmann/json.hpp>

#include "fleet/fleet_summary.h"
#include "util/version.h"

namespace tagdrift::fleet {
namespace {

using nlohmann::json;

constexpr int kSchemaVersion = 1;

json or_null(const std::string& text) { return text.empty() ? json(nullptr) : json(text); }

json counts_json(const SiteOutcome& site) {
  json status = json::object();
  for (drift::Status s : {drift::Status::kNew, drift::Status::kChanged, drift::Status::kKnown,
                          drift::Status::kApproved}) {
    status[drift::status_name(s)] = site.by_status[static_cast<std::size_t>(s)];
  }
  json severity = json::object();
  for (drift::Severity s : {drift::Severity::kInfo, drift::Severity::kLow, drift::Severity::kMedium,
                            drift::Severity::kHigh, drift::Severity::kCritical}) {
    severity[drift::severity_name(s)] = site.by_severity[static_cast<std::size_t>(s)];
  }
  return {{"status", status}, {"severity", severity}};
}

json site_json(const SiteOutcome& site) {
  return {{"name", site.name},
          {"group", or_null(site.group)},
          {"site", site.site},
          {"scan_id", site.scan_id ? json(*site.scan_id) : json(nullptr)},
          {"complete", site.complete},
          {"skipped", or_null(site.skipped)},
          {"failed", !site.errors.empty()},
          {"errors", site.errors},
          {"exit_code", site.exit_code},
          {"fail_on", drift::fail_on_name(site.fail_on)},
          {"failing", site.failing},
          {"drift", site.drift},
          {"counts", counts_json(site)},
          {"removed", site.removed},
          {"worst_severity", site.worst ? json(drift::severity_name(*site.worst)) : json(nullptr)},
          {"worst_finding", or_null(site.worst_key)},
          {"pages_crawled", site.pages_crawled},
          {"pages_failed", site.pages_failed},
          {"seconds", site.seconds},
          {"report", or_null(site.report_file)}};
}

}  // namespace

void render_summary_json(const std::vector<SiteOutcome>& sites, std::ostream& out) {
  const FleetTotals totals = totals_of(sites);
  json list = json::array();
  for (const SiteOutcome& site : sites) list.push_back(site_json(site));
  json document = {{"schema_version", kSchemaVersion},
                   {"tool", {{"name", "tagdrift"}, {"version", version()}}},
                   {"exit_code", fleet_exit_code(sites)},
                   {"totals",
                    {{"sites", totals.sites},
                     {"scanned", totals.scanned},
                     {"failed", totals.failed},
                     {"skipped", totals.skipped},
                     {"with_drift", totals.with_drift},
                     {"failing_gate", totals.failing_gate}}},
                   {"sites", list}};
  out << document.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
}

}  // namespace tagdrift::fleet
