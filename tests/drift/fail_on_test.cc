#include "drift/fail_on.h"

#include <catch2/catch.hpp>

#include "util/error.h"

using namespace tagdrift::drift;
using Lines = std::vector<std::string>;

namespace {

Finding finding(const char* key, Status status, Severity severity, Lines violations = {}) {
  Finding f;
  f.key = key;
  f.status = status;
  f.severity = severity;
  f.policy_violations = std::move(violations);
  return f;
}

// Which of the sample findings fail under `fail_on`.
Lines failing_keys(FailOn fail_on) {
  Report report;
  report.findings = {
      finding("a-new-low", Status::kNew, Severity::kLow),
      finding("b-changed-info", Status::kChanged, Severity::kInfo),
      finding("c-known-high", Status::kKnown, Severity::kHigh),
      finding("d-known-critical", Status::kKnown, Severity::kCritical),
      finding("e-approved-critical", Status::kApproved, Severity::kCritical),
      finding("f-known-low-policy", Status::kKnown, Severity::kLow, {"deny x: /"}),
      finding("g-approved-policy", Status::kApproved, Severity::kInfo, {"deny y: /"}),
      finding("h-known-medium", Status::kKnown, Severity::kMedium),
  };
  apply_fail_on(report, fail_on);
  CHECK(report.fail_on == fail_on);
  CHECK(report.failed == !report.failing.empty());
  Lines keys;
  for (const std::string& line : report.failing) keys.push_back(line.substr(0, line.find(':')));
  return keys;
}

}  // namespace

TEST_CASE("fail-on: the matrix of thresholds and findings") {
  CHECK(failing_keys(FailOn::kNever).empty());
  CHECK(failing_keys(FailOn::kPolicy) == Lines{"f-known-low-policy", "g-approved-policy"});
  CHECK(failing_keys(FailOn::kNew) ==
        Lines{"a-new-low", "b-changed-info", "f-known-low-policy", "g-approved-policy"});
  CHECK(failing_keys(FailOn::kHigh) ==
        Lines{"c-known-high", "d-known-critical", "f-known-low-policy", "g-approved-policy"});
  CHECK(failing_keys(FailOn::kCritical) ==
        Lines{"d-known-critical", "f-known-low-policy", "g-approved-policy"});
}

TEST_CASE("fail-on: failing lines say why, one line per finding") {
  Report report;
  report.findings = {finding("meta:1", Status::kNew, Severity::kCritical, {"deny meta: /"})};
  apply_fail_on(report, FailOn::kNew);
  CHECK(report.failing == Lines{"meta:1: new; policy: deny meta: /"});
  apply_fail_on(report, FailOn::kCritical);
  CHECK(report.failing == Lines{"meta:1: severity critical; policy: deny meta: /"});
  apply_fail_on(report, FailOn::kNever);
  CHECK_FALSE(report.failed);
  CHECK(report.failing.empty());
}

TEST_CASE("fail-on: names parse, and a bad one is a usage error") {
  CHECK(parse_fail_on("never") == FailOn::kNever);
  CHECK(parse_fail_on("policy") == FailOn::kPolicy);
  CHECK(parse_fail_on("new") == FailOn::kNew);
  CHECK(parse_fail_on("high") == FailOn::kHigh);
  CHECK(parse_fail_on("critical") == FailOn::kCritical);
  CHECK_FALSE(fail_on_from_name("High").has_value());
  try {
    parse_fail_on("medium");
    FAIL("no error");
  } catch (const tagdrift::Error& error) {
    CHECK(error.code() == tagdrift::ExitCode::kUsage);
    CHECK(std::string(error.what()) ==
          "bad --fail-on 'medium' (never, policy, new, high or critical)");
  }
}

TEST_CASE("fail-on: the command line wins over the policy file; never when neither") {
  CHECK(effective_fail_on(FailOn::kHigh, FailOn::kPolicy) == FailOn::kHigh);
  CHECK(effective_fail_on(FailOn::kNever, FailOn::kCritical) == FailOn::kNever);
  CHECK(effective_fail_on(std::nullopt, FailOn::kPolicy) == FailOn::kPolicy);
  CHECK(effective_fail_on(std::nullopt, std::nullopt) == FailOn::kNever);
}

TEST_CASE("fail on: the flag takes one threshold, unread, or both comma-separated") {
  FailOnFlag both = parse_fail_on_flag("new,unread");
  CHECK(both.threshold == FailOn::kNew);
  CHECK(both.unread);
  FailOnFlag alone = parse_fail_on_flag("unread");
  CHECK_FALSE(alone.threshold);
  CHECK(alone.unread);
  FailOnFlag high = parse_fail_on_flag("high");
  CHECK(high.threshold == FailOn::kHigh);
  CHECK_FALSE(high.unread);
  for (const char* bad : {"", "new,", ",unread", "new,high", "unread,unread", "unread,x"}) {
    INFO(bad);
    CHECK_THROWS_AS(parse_fail_on_flag(bad), tagdrift::Error);
  }
}

TEST_CASE("fail on: unread fails on every unread script, after the findings' lines") {
  Report report;
  report.findings = {finding("a-new-low", Status::kNew, Severity::kLow)};
  report.unread_scripts = {
      {"https://www.clinic.test/js/app.js", "too-large", "6 bytes", {}, false}};
  apply_fail_on(report, FailOn::kNew);
  apply_fail_on_unread(report);
  CHECK(report.failed);
  CHECK(report.failing ==
        Lines{"a-new-low: new", "https://www.clinic.test/js/app.js: unread (too-large: 6 bytes)"});
  CHECK(gate_name(report) == "new,unread");

  Report clean;
  apply_fail_on(clean, FailOn::kNever);
  apply_fail_on_unread(clean);
  CHECK_FALSE(clean.failed);
  CHECK(gate_name(clean) == "unread");
}
