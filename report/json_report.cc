#include "report/json_report.h"

#include "drift/container_versions.h"
#include "drift/fail_on.h"
#include "drift/page_groups.h"
#include "report/json_stream.h"
#include "report/scan_failure.h"
#include "report/unread_report.h"
#include "util/version.h"

namespace tagdrift::report {
namespace {

using nlohmann::json;

json or_null(const std::string& text) { return text.empty() ? json() : json(text); }

// The URL without its query when it has one: the page its query variants count as.
std::string variant_of(const std::string& url) {
  std::string plain = drift::without_query(url);
  return plain == url ? std::string() : plain;
}

json scan_json(const drift::Report& report) {
  const auto& scan = report.scan;
  return {{"id", scan.id},
          {"site", scan.site},
          {"target", scan.target},
          {"started_at", scan.started_at},
          {"finished_at", or_null(scan.finished_at)},
          {"complete", scan.complete},
          {"pages_crawled", scan.pages_crawled},
          {"pages_failed", scan.pages_failed},
          {"pages_skipped", scan.pages_skipped},
          {"previous_scan_id", report.previous_scan_id ? json(*report.previous_scan_id) : json()}};
}

json page_json(const drift::ReportPage& page) {
  return {{"url", *page.url},
          {"final_url", or_null(*page.final_url)},
          {"status", page.status},
          {"depth", page.depth},
          {"found_by", or_null(*page.found_by)},
          {"health_context", page.health_context},
          {"health_terms", *page.health_terms},
          {"collects_pii", *page.collects_pii},
          {"error", or_null(*page.error)},
          {"skipped", or_null(*page.skipped)},
          {"reused", page.reused}};
}

// Where a container configures the tag: null for a tag seen anywhere else.
json container_json(const drift::SharedContainer& container) {
  if (container.empty()) return json();
  return {{"id", or_null(container->container_id)},
          {"version", or_null(container->version)},
          {"tag_id", container->tag_id >= 0 ? json(container->tag_id) : json()},
          {"template", or_null(container->template_name)},
          {"firing", or_null(container->firing)},
          {"resolved", or_null(container->resolved)}};
}

json container_version_json(const drift::ContainerVersion& container) {
  return {{"id", container.container_id},
          {"url", container.url},
          {"version", or_null(container.version)},
          {"previous_version", or_null(container.previous_version)},
          {"version_changed", drift::version_changed(container)}};
}

json finding_page_json(const drift::FindingPage& page) {
  return {{"url", *page.url},
          {"container", container_json(page.container)},
          {"where", *page.where},
          {"via", or_null(*page.via)},
          {"consent_gated", page.consent_gated},
          {"health_context", page.health_context},
          {"health_terms", *page.health_terms},
          {"collects_pii", *page.collects_pii},
          {"events", *page.events},
          {"enhanced_match", *page.enhanced_match},
          {"evidence", or_null(*page.evidence)},
          {"line", page.line > 0 ? json(page.line) : json()},
          {"variant_of", or_null(variant_of(*page.url))}};
}

// A finding's members but its pages, which can be one per page of the site.
json finding_members(const drift::Finding& finding) {
  return {{"key", finding.key},
          {"signature", or_null(finding.signature)},
          {"vendor", finding.vendor},
          {"product", or_null(finding.product)},
          {"category", finding.category},
          {"tag_id", or_null(finding.tag_id)},
          {"status", drift::status_name(finding.status)},
          {"severity", drift::severity_name(finding.severity)},
          {"reason", finding.reason},
          {"remediation", finding.remediation},
          {"consent_gated", finding.consent_gated},
          {"enhanced_match", finding.enhanced_match},
          {"events", finding.events},
          {"changes", finding.changes},
          {"policy_violations", finding.policy_violations},
          {"page_count", drift::distinct_pages(finding.pages)}};
}

json finding_json(const drift::Finding& finding) {
  json out = finding_members(finding);
  json& pages = out["pages"] = json::array();
  for (const auto& page : finding.pages) pages.push_back(finding_page_json(page));
  return out;
}

json removed_json(const drift::RemovedTag& tag) {
  return {{"key", tag.key},
          {"signature", or_null(tag.signature)},
          {"vendor", tag.vendor},
          {"tag_id", or_null(tag.tag_id)}};
}

json commented_json(const drift::CommentedTag& tag) {
  return {{"key", tag.key},
          {"vendor", tag.vendor},
          {"tag_id", or_null(tag.tag_id)},
          {"pages", tag.pages}};
}

template <typename T, typename F>
json array_of(const std::vector<T>& items, F convert) {
  json out = json::array();
  for (const auto& item : items) out.push_back(convert(item));
  return out;
}

json page_change_json(const drift::PageChange& change) {
  return {{"url", change.url}, {"change", change.change}};
}

json gate_json(const drift::Report& report) {
  return {{"fail_on", drift::gate_name(report)},
          {"failed", report.failed},
          {"failing", report.failing}};
}

json tool_json() { return {{"name", "tagdrift"}, {"version", version()}}; }

template <typename T, typename F>
void stream_array(JsonStream& stream, const std::vector<T>& items, F convert) {
  stream.begin_array();
  for (const auto& item : items) stream.value(convert(item));
  stream.end_array();
}

// page_json(), written member by member in its sorted order: a report has one per page.
void stream_page(JsonStream& stream, const drift::ReportPage& page) {
  stream.begin_object();
  stream.key("collects_pii");
  stream.strings(*page.collects_pii);
  stream.key("depth");
  stream.number(page.depth);
  stream.key("error");
  stream.string_or_null(*page.error);
  stream.key("final_url");
  stream.string_or_null(*page.final_url);
  stream.key("found_by");
  stream.string_or_null(*page.found_by);
  stream.key("health_context");
  stream.boolean(page.health_context);
  stream.key("health_terms");
  stream.strings(*page.health_terms);
  stream.key("reused");
  stream.boolean(page.reused);
  stream.key("skipped");
  stream.string_or_null(*page.skipped);
  stream.key("status");
  stream.number(page.status);
  stream.key("url");
  stream.string(*page.url);
  stream.end_object();
}

// finding_page_json(), the same way: a finding can list every page of the site.
void stream_finding_page(JsonStream& stream, const drift::FindingPage& page) {
  stream.begin_object();
  stream.key("collects_pii");
  stream.strings(*page.collects_pii);
  stream.key("consent_gated");
  stream.boolean(page.consent_gated);
  stream.key("container");
  stream.value(container_json(page.container));
  stream.key("enhanced_match");
  stream.strings(*page.enhanced_match);
  stream.key("events");
  stream.strings(*page.events);
  stream.key("evidence");
  stream.string_or_null(*page.evidence);
  stream.key("health_context");
  stream.boolean(page.health_context);
  stream.key("health_terms");
  stream.strings(*page.health_terms);
  stream.key("line");
  page.line > 0 ? stream.number(page.line) : stream.null();
  stream.key("url");
  stream.string(*page.url);
  stream.key("variant_of");
  stream.string_or_null(variant_of(*page.url));
  stream.key("via");
  stream.string_or_null(*page.via);
  stream.key("where");
  stream.strings(*page.where);
  stream.end_object();
}

void stream_finding(JsonStream& stream, const drift::Finding& finding) {
  stream.object_with(finding_members(finding), "pages", [&] {
    stream.begin_array();
    for (const auto& page : finding.pages) stream_finding_page(stream, page);
    stream.end_array();
  });
}

}  // namespace

json to_json(const drift::Report& report) {
  return {{"schema_version", kJsonSchemaVersion},
          {"tool", tool_json()},
          {"scan", scan_json(report)},
          {"pages", array_of(report.pages, page_json)},
          {"findings", array_of(report.findings, finding_json)},
          {"removed", array_of(report.removed, removed_json)},
          {"commented", array_of(report.commented, commented_json)},
          {"containers", array_of(report.containers, container_version_json)},
          {"page_changes", array_of(report.page_changes, page_change_json)},
          {"gate", gate_json(report)},
          {"failed_targets", failed_targets_json(report)},
          {"failed_pages", failed_pages_json(report)},
          {"unverified", unverified_json(report)},
          {"unread_scripts", unread_scripts_json(report)},
          {"read_again", read_again_json(report)}};
}

void render_json(const drift::Report& report, std::ostream& out) {
  // One element at a time, members in the order to_json() sorts them: a report lists every page,
  // and its whole DOM would cost several times the pages themselves.
  JsonStream stream(out);
  stream.begin_object();
  stream.key("commented");
  stream_array(stream, report.commented, commented_json);
  stream.key("containers");
  stream_array(stream, report.containers, container_version_json);
  stream.key("failed_pages");
  stream.value(failed_pages_json(report));
  stream.key("failed_targets");
  stream.value(failed_targets_json(report));
  stream.key("findings");
  stream.begin_array();
  for (const auto& finding : report.findings) stream_finding(stream, finding);
  stream.end_array();
  stream.key("gate");
  stream.value(gate_json(report));
  stream.key("page_changes");
  stream_array(stream, report.page_changes, page_change_json);
  stream.key("pages");
  stream.begin_array();
  for (const auto& page : report.pages) stream_page(stream, page);
  stream.end_array();
  stream.key("read_again");
  stream.value(read_again_json(report));
  stream.key("removed");
  stream_array(stream, report.removed, removed_json);
  stream.key("scan");
  stream.value(scan_json(report));
  stream.key("schema_version");
  stream.value(kJsonSchemaVersion);
  stream.key("tool");
  stream.value(tool_json());
  stream.key("unread_scripts");
  stream.value(unread_scripts_json(report));
  stream.key("unverified");
  stream.value(unverified_json(report));
  stream.end_object();
}

}  // namespace tagdrift::report
