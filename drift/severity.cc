#include "drift/severity.h"

#include <fmt/format.h>

#include "drift/health_words.h"
#include "drift/name_list.h"
#include "drift/page_groups.h"
#include "drift/remediation.h"
#include "drift/url_path.h"

namespace tagdrift::drift {
namespace {

bool is_ad_like(const std::string& category) {
  return category == "advertising" || category == "session-replay";
}

bool is_measurement(const std::string& category) {
  return category == "analytics" || category == "marketing-automation" || category == "cdp";
}

PageVerdict verdict(Severity severity, Rule rule, const FindingPage& page,
                    std::string detail = "") {
  return PageVerdict{severity, rule, std::move(detail), &page};
}

// A tracking tag on a page, once the health-data rules have not fired.
PageVerdict judge_tracking(const Finding& finding, const FindingPage& page) {
  const bool health = page.health_context;
  if (page.consent_gated) return verdict(Severity::kLow, Rule::kConsentGated, page);
  if (is_ad_like(finding.category)) {
    if (health && !page.collects_pii.empty()) {
      return verdict(Severity::kCritical, Rule::kTrackingOnPiiHealthPage, page);
    }
    if (health) return verdict(Severity::kHigh, Rule::kTrackingOnHealthPage, page);
    return verdict(Severity::kMedium, Rule::kTrackingElsewhere, page);
  }
  if (finding.vendor == "unknown") {
    if (health) return verdict(Severity::kMedium, Rule::kUnknownOnHealthPage, page);
    return verdict(Severity::kLow, Rule::kUnknownElsewhere, page);
  }
  if (is_measurement(finding.category)) {
    if (health) return verdict(Severity::kMedium, Rule::kAnalyticsOnHealthPage, page);
    return verdict(Severity::kLow, Rule::kAnalyticsElsewhere, page);
  }
  return verdict(Severity::kLow, Rule::kOtherCategory, page);
}

bool worse(const PageVerdict& a, const PageVerdict& b) {
  if (a.severity != b.severity) return a.severity > b.severity;
  return a.rule < b.rule;
}

std::string health_note(const FindingPage& page) {
  if (page.health_terms.empty()) return "(health context)";
  return fmt::format("(health context: {})", joined(page.health_terms));
}

std::string reason_line(const Finding& finding, const PageVerdict& v, std::string_view site) {
  const FindingPage& page = *v.page;
  const std::string label = tag_label(finding);
  const std::string where = display_url(*page.url, site);
  switch (v.rule) {
    case Rule::kHealthEvent:
      return fmt::format("{} sends the event {} from {}", label, v.detail, where);
    case Rule::kEnhancedMatch:
      return fmt::format("{} sends enhanced-match data ({}) from {} {}", label, v.detail, where,
                         health_note(page));
    case Rule::kTrackingOnPiiHealthPage:
      return fmt::format("{} on {} {}, a page that collects {}, not consent-gated", label, where,
                         health_note(page), joined(page.collects_pii));
    case Rule::kTrackingOnHealthPage:
    case Rule::kAnalyticsOnHealthPage:
      return fmt::format("{} on {} {}, not consent-gated", label, where, health_note(page));
    case Rule::kUnknownOnHealthPage:
      return fmt::format("{} on {} {}; no signature knows this vendor", label, where,
                         health_note(page));
    case Rule::kTrackingElsewhere:
      return fmt::format("{} on {} (no health context), not consent-gated", label, where);
    case Rule::kAnalyticsElsewhere:
    case Rule::kUnknownElsewhere:
      return fmt::format("{} on {} (no health context)", label, where);
    case Rule::kOtherCategory:
      return fmt::format("{} ({}) on {}", label, finding.category, where);
    case Rule::kConsentGated:
      return fmt::format("{} is consent-gated on {}", label,
                         finding.consent_gated ? "every page" : where);
    case Rule::kConsentManager:
      return fmt::format("{} is a consent manager", label);
    case Rule::kTagManager:
      return fmt::format("{} is a tag manager; the tags it loads are reported on their own", label);
  }
  return label;
}

}  // namespace

std::string tag_label(const Finding& finding) {
  if (finding.vendor == "unknown") {
    const auto colon = finding.key.find(':');
    std::string host = colon == std::string::npos ? finding.key : finding.key.substr(colon + 1);
    return "unknown third-party script from " + host;
  }
  return finding.product.empty() ? finding.vendor : finding.product;
}

PageVerdict judge_page(const Finding& finding, const FindingPage& page) {
  if (finding.category == "consent") return verdict(Severity::kInfo, Rule::kConsentManager, page);
  if (finding.category == "tag-manager") return verdict(Severity::kInfo, Rule::kTagManager, page);
  // Health data leaves the site whether or not a banner was clicked: a cookie consent is not
  // a patient's authorization to disclose it, so these rules ignore gating.
  for (const std::string& event : page.events) {
    std::string term = health_term_in(event, page.health_terms);
    if (!term.empty()) {
      return verdict(Severity::kCritical, Rule::kHealthEvent, page,
                     fmt::format("'{}' (health term: {})", event, term));
    }
  }
  if (page.health_context && !page.enhanced_match.empty()) {
    return verdict(Severity::kCritical, Rule::kEnhancedMatch, page, joined(page.enhanced_match));
  }
  return judge_tracking(finding, page);
}

PageVerdict judge_finding(const Finding& finding) {
  PageVerdict worst;
  for (const FindingPage& page : finding.pages) {
    PageVerdict v = judge_page(finding, page);
    if (worst.page == nullptr || worse(v, worst)) worst = std::move(v);
  }
  return worst;
}

void assess_severity(Finding& finding, std::string_view site) {
  const PageVerdict v = judge_finding(finding);
  finding.severity = v.severity;
  if (v.page == nullptr) {
    finding.reason = tag_label(finding) + " was seen on no page";
    finding.remediation = remediation_for(finding, v);
    return;
  }
  finding.reason = reason_line(finding, v, site);
  // Query variants of one path are one page (page_groups.h).
  const std::size_t pages = distinct_pages(finding.pages);
  if (pages > 1 && v.rule < Rule::kConsentManager &&
      !(v.rule == Rule::kConsentGated && finding.consent_gated)) {
    finding.reason += fmt::format(" (and {})", count_of(pages - 1, "other page"));
  }
  finding.remediation = remediation_for(finding, v);
}

}  // namespace tagdrift::drift
