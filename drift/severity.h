// Severity: how much a finding can expose about patients, judged page by page from its category,
// consent gating and what the page is. The one place these rules live; docs/severity.md is the
// same rules as a table.
#pragma once

#include <string>
#include <string_view>

#include "drift/report_model.h"

namespace tagdrift::drift {

// Which rule decided a page's severity, most specific first (the order breaks ties).
enum class Rule {
  kHealthEvent,              // an event name carries health terms
  kEnhancedMatch,            // enhanced-match data sent from a health-context page
  kTrackingOnPiiHealthPage,  // ad or session replay, ungated, health page that collects PII
  kTrackingOnHealthPage,     // ad or session replay, ungated, health page
  kTrackingElsewhere,        // ad or session replay, ungated, no health context
  kUnknownOnHealthPage,      // unknown third party, ungated, health page
  kAnalyticsOnHealthPage,    // analytics, marketing automation or CDP, ungated, health page
  kAnalyticsElsewhere,       // the same without health context
  kUnknownElsewhere,         // unknown third party without health context
  kOtherCategory,            // chat and other vendors
  kConsentGated,             // any tracking category, gated on this page
  kConsentManager,
  kTagManager,
};

struct PageVerdict {
  Severity severity = Severity::kInfo;
  Rule rule = Rule::kOtherCategory;
  std::string detail;  // the event, term or fields that decided it, for the reason line
  const FindingPage* page = nullptr;
};

// The verdict for one page of a finding.
PageVerdict judge_page(const Finding& finding, const FindingPage& page);

// The verdict that decides the finding: the worst page, ties to the more specific rule, then
// to the first page by URL. A finding without pages is judged as info.
PageVerdict judge_finding(const Finding& finding);

// Sets finding.severity, .reason and .remediation. `site` shortens page URLs in the reason.
void assess_severity(Finding& finding, std::string_view site);

// "Pinterest Tag", or "unknown third-party script from cdn.example.net".
std::string tag_label(const Finding& finding);

}  // namespace tagdrift::drift
