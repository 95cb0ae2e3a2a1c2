#include "drift/remediation.h"

#include <catch2/catch.hpp>

#include "drift/findings.h"
#include "tests/drift/drift_fixtures.h"

using namespace tagdrift::drift;
using namespace tagdrift::testing;

namespace {

std::string remediation_of(const std::string& key, bool health = true) {
  auto page = health ? page_at("/p/", {"oncology"}) : page_at("/p/");
  auto finding = collect_findings(scan_of(1, {page}, {tag_at(key, "/p/")}))[0];
  return remediation_for(finding, judge_finding(finding));
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("remediation: each vendor family gets its own concrete line") {
  CHECK(remediation_of("pinterest:1") ==
        "Remove the Pinterest Tag from health pages; send conversions server-side with the "
        "Pinterest Conversions API only after verified consent, as generic events with no "
        "health context in names, parameters or URLs; never run the tag and the API side by "
        "side.");
  CHECK(has(remediation_of("meta:1"), "Meta Conversions API"));
  CHECK(has(remediation_of("meta:1"), "advanced matching"));
  CHECK(has(remediation_of("tiktok:1"), "TikTok Events API"));
  CHECK(has(remediation_of("google-ads:AW-1"), "consent mode"));
  CHECK(has(remediation_of("google-ads:AW-1"), "enhanced conversions"));
  CHECK(has(remediation_of("google-analytics:G-1"), "server-side tagging"));
  CHECK(has(remediation_of("hotjar:1"), "Exclude health and form pages from Hotjar"));
  CHECK(has(remediation_of("hotjar:1"), "mask every input"));
  CHECK(has(remediation_of("linkedin:1"), "Remove the LinkedIn Insight Tag from health pages"));
  CHECK(has(remediation_of("unknown:cdn.x.net"), "Identify the vendor behind cdn.x.net"));
  CHECK(has(remediation_of("google-tag-manager:GTM-1"), "Audit the Google Tag Manager container"));
  CHECK(has(remediation_of("onetrust:1"), "verify it blocks every tracking tag"));
  CHECK(has(remediation_of("intercom:1"), "BAA"));
  CHECK(has(remediation_of("hubspot:1"), "Keep HubSpot off health pages"));
}

TEST_CASE("remediation: a tag gated everywhere is told to verify the consent manager") {
  auto finding =
      collect_findings(scan_of(1, {page_at("/p/")}, {gated(tag_at("tiktok:1", "/p/"))}))[0];
  CHECK(remediation_for(finding, judge_finding(finding))
            .starts_with("Verify the consent manager really blocks TikTok Pixel before consent"));
}

TEST_CASE("remediation: health data rules lead with stopping the data, then the vendor line") {
  auto finding = collect_findings(
      scan_of(1, {page_at("/p/")}, {with_events(tag_at("pinterest:1", "/p/"), {"ivf_signup"})}))[0];
  std::string line = remediation_for(finding, judge_finding(finding));
  CHECK(line.starts_with("Rename or drop the event 'ivf_signup' (health term: ivf)"));
  CHECK(has(line, "Pinterest Conversions API"));
}
