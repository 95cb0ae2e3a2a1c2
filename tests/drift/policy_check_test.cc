#include "drift/policy_check.h"

#include <catch2/catch.hpp>

#include "drift/findings.h"
#include "tests/drift/drift_fixtures.h"

using namespace tagdrift::drift;
using namespace tagdrift::testing;
using Lines = std::vector<std::string>;

namespace {

// The finding of `key` on the pages at `paths`.
Finding finding_on(const std::string& key, const std::vector<std::string>& paths) {
  std::vector<tagdrift::storage::PageRecord> pages;
  std::vector<tagdrift::storage::SightingRecord> sightings;
  for (const std::string& path : paths) {
    pages.push_back(page_at(path));
    sightings.push_back(tag_at(key, path));
  }
  return collect_findings(scan_of(1, pages, sightings))[0];
}

Lines violations(const char* policy_text, const Finding& finding) {
  return policy_violations(parse_policy(policy_text, "p.toml", kPolicyVendors), finding, kSite);
}

constexpr const char* kClinical = R"(
[[deny]]
category = "advertising"
paths = ["/services/**", "/appointments/**"]
reason = "no ad tags on clinical pages"
)";

}  // namespace

TEST_CASE("policy check: a category rule with paths flags only the pages it covers") {
  auto meta = finding_on("meta:1", {"/", "/services/ivf/", "/appointments/book/"});
  CHECK(violations(kClinical, meta) ==
        Lines{"deny advertising on /appointments/** (no ad tags on clinical pages): "
              "/appointments/book/",
              "deny advertising on /services/** (no ad tags on clinical pages): /services/ivf/"});
  CHECK(violations(kClinical, finding_on("meta:1", {"/", "/about/"})).empty());
  CHECK(violations(kClinical, finding_on("google-analytics:G-1", {"/services/ivf/"})).empty());
}

TEST_CASE("policy check: a vendor rule without paths holds everywhere") {
  auto pinterest = finding_on("pinterest:1", {"/", "/blog/"});
  CHECK(violations("[[deny]]\nvendor = \"pinterest\"\nreason = \"conversions go server-side\"",
                   pinterest) == Lines{"deny pinterest (conversions go server-side): /, /blog/"});
  CHECK(violations("[[deny]]\nvendor = \"pinterest\"", finding_on("meta:1", {"/"})).empty());
}

TEST_CASE("policy check: a key rule selects one account of a vendor") {
  const char* rule = "[[deny]]\nkey = \"pinterest:1\"";
  CHECK(violations(rule, finding_on("pinterest:1", {"/"})) == Lines{"deny pinterest:1: /"});
  CHECK(violations(rule, finding_on("pinterest:2", {"/"})).empty());
}

TEST_CASE("policy check: every selector a rule gives must match") {
  const char* rule = "[[deny]]\nvendor = \"meta\"\ncategory = \"analytics\"";
  CHECK(violations(rule, finding_on("meta:1", {"/"})).empty());
  CHECK(violations("[[deny]]\nvendor = \"meta\"\ncategory = \"advertising\"",
                   finding_on("meta:1", {"/"})) == Lines{"deny meta advertising: /"});
}

TEST_CASE("policy check: allow wins over deny for the same finding and page") {
  const char* policy = R"(
[[deny]]
category = "analytics"
[[deny]]
vendor = "meta"
[[allow]]
key = "google-analytics:G-ABC123"
[[allow]]
vendor = "meta"
paths = ["/careers/**"]
)";
  CHECK(violations(policy, finding_on("google-analytics:G-ABC123", {"/", "/services/"})).empty());
  CHECK(violations(policy, finding_on("google-analytics:G-OTHER", {"/"})) ==
        Lines{"deny analytics: /"});
  CHECK(violations(policy, finding_on("meta:1", {"/careers/nurse/", "/services/ivf/"})) ==
        Lines{"deny meta: /services/ivf/"});
}

TEST_CASE("policy check: an allow rule for another tag does not excuse this one") {
  const char* policy = "[[deny]]\nvendor = \"meta\"\n[[allow]]\nvendor = \"tiktok\"";
  CHECK(violations(policy, finding_on("meta:1", {"/"})) == Lines{"deny meta: /"});
}

TEST_CASE("policy check: a page on another origin is matched by its path and shown whole") {
  auto finding = collect_findings(scan_of(1, {}, {[] {
                                            auto s = tag_at("meta:1", "/");
                                            s.page_url =
                                                "https://book.clinic.test/services/ivf/?step=2";
                                            return s;
                                          }()}))[0];
  CHECK(violations(kClinical, finding) ==
        Lines{"deny advertising on /services/** (no ad tags on clinical pages): "
              "https://book.clinic.test/services/ivf/?step=2"});
}

TEST_CASE("policy check: breaches name each rule, its reason and every page that breaks it") {
  const Policy policy = parse_policy(kClinical, "p.toml", kPolicyVendors);
  std::vector<std::string> paths = {"/"};
  for (int i = 0; i < 7; ++i) paths.push_back("/services/s" + std::to_string(i) + "/");
  const Finding meta = finding_on("meta:1", paths);
  const std::vector<PolicyBreach> breaches = policy_breaches(policy, meta);
  REQUIRE(breaches.size() == 1);
  CHECK(breaches[0].rule == "deny advertising on /services/**");
  CHECK(breaches[0].reason == "no ad tags on clinical pages");
  REQUIRE(breaches[0].pages.size() == 7);  // every page, where the line shortens to five
  CHECK(breaches[0].pages.front() == std::string(kSite) + "/services/s0/");
  CHECK(violation_line(breaches[0], kSite) == violations(kClinical, meta).front());
  CHECK(violation_line(breaches[0], kSite).ends_with("/services/s4/ and 2 more"));
}
