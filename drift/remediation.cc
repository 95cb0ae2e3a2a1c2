#include "drift/remediation.h"

#include <fmt/format.h>

#include <array>
#include <string_view>

namespace tagdrift::drift {
namespace {

struct VendorAdvice {
  std::string_view vendor;
  std::string_view advice;
};

// Vendors with a server-side path or a consent mechanism of their own get named advice.
constexpr std::array<VendorAdvice, 6> kVendorAdvice = {{
    {"pinterest",
     "Remove the Pinterest Tag from health pages; send conversions server-side with the "
     "Pinterest Conversions API only after verified consent, as generic events with no health "
     "context in names, parameters or URLs; never run the tag and the API side by side."},
    {"meta",
     "Remove the Meta Pixel from health pages and turn off automatic advanced matching; send "
     "conversions server-side with the Meta Conversions API only after verified consent, as "
     "generic events with no health context in names, parameters or URLs."},
    {"facebook-sdk",
     "Remove the Facebook SDK from health pages; it reports page views to Meta like the pixel. "
     "Use plain links instead of SDK widgets, and the Conversions API after consent if needed."},
    {"tiktok",
     "Remove the TikTok Pixel from health pages; send conversions server-side with the TikTok "
     "Events API only after verified consent, as generic events with no health context in "
     "names, parameters or URLs; never run the pixel and the API side by side."},
    {"google-ads",
     "Keep Google Ads tags off health pages; run them under Google consent mode with ad_storage "
     "and ad_user_data denied by default, turn off enhanced conversions, and send conversions "
     "through server-side tagging that strips health context from URLs and parameters."},
    {"google-analytics",
     "Keep Google Analytics off health pages (Google signs no BAA for it); elsewhere run it "
     "under consent mode with analytics_storage denied by default, through server-side tagging "
     "that strips health context from page URLs, titles and events."},
}};

std::string host_of(const Finding& finding) {
  const auto colon = finding.key.find(':');
  return colon == std::string::npos ? finding.key : finding.key.substr(colon + 1);
}

// Advice by vendor family: named vendors first, then by category.
std::string family_advice(const Finding& finding) {
  for (const VendorAdvice& entry : kVendorAdvice) {
    if (entry.vendor == finding.vendor) return std::string(entry.advice);
  }
  const std::string label = tag_label(finding);
  const std::string& category = finding.category;
  if (finding.vendor == "unknown") {
    return fmt::format("Identify the vendor behind {}; sign a BAA with it or remove the script.",
                       host_of(finding));
  }
  if (category == "advertising") {
    return fmt::format(
        "Remove the {} from health pages; if its conversions are needed, send them server-side "
        "only after verified consent, as generic events with no health context in names, "
        "parameters or URLs.",
        label);
  }
  if (category == "session-replay") {
    return fmt::format(
        "Exclude health and form pages from {} recordings, mask every input and text by "
        "default and record only after consent; or remove it unless the vendor signs a BAA.",
        label);
  }
  if (category == "consent") {
    return fmt::format(
        "Nothing to fix in {} itself: verify it blocks every tracking tag until the visitor "
        "consents.",
        label);
  }
  if (category == "tag-manager") {
    return fmt::format(
        "Audit the {} container: list every tag it fires, remove those that reach health pages "
        "and gate the rest on consent.",
        label);
  }
  if (category == "chat") {
    return fmt::format(
        "Visitors may type health details into {}: use it only under a signed BAA, or keep it "
        "off health pages.",
        label);
  }
  return fmt::format(
      "Keep {} off health pages or use it only under a signed BAA; strip health context from "
      "the page URLs, titles and events it receives.",
      label);
}

}  // namespace

std::string remediation_for(const Finding& finding, const PageVerdict& decided) {
  switch (decided.rule) {
    case Rule::kHealthEvent:
      return fmt::format("Rename or drop the event {} so no health term leaves the site. {}",
                         decided.detail, family_advice(finding));
    case Rule::kEnhancedMatch:
      return fmt::format("Stop sending enhanced-match data ({}) from health pages. {}",
                         decided.detail, family_advice(finding));
    case Rule::kConsentGated:
      return fmt::format(
          "Verify the consent manager really blocks {} before consent (a fresh browser, no "
          "requests to the vendor until accepted), and keep it off health pages.",
          tag_label(finding));
    default:
      return family_advice(finding);
  }
}

}  // namespace tagdrift::drift
