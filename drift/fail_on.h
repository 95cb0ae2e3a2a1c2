// Fail-on: the threshold that makes a scan fail (exit 1) in CI, from --fail-on or the policy
// file, and its verdict on a report.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "drift/report_model.h"

namespace tagdrift::drift {

// "never", "policy", "new", "high" or "critical"; nullopt for anything else.
std::optional<FailOn> fail_on_from_name(std::string_view name);

// As fail_on_from_name, but throws the usage error "bad --fail-on 'X' (never, policy, new, high
// or critical)" for anything else.
FailOn parse_fail_on(const std::string& text);

// The threshold in force: the command line's, else the policy file's, else never.
FailOn effective_fail_on(std::optional<FailOn> from_flag, std::optional<FailOn> from_policy);

// Why `finding` fails under `fail_on` ("new", "severity high", "policy: ..."), or "" when it
// does not. Any policy violation fails every threshold but never. Approved findings fail only
// on policy: approving is how a person accepts a tag's severity.
std::string failing_because(const Finding& finding, FailOn fail_on);

// Sets report.fail_on, .failed and .failing (one "<key>: <why>" line per failing finding).
void apply_fail_on(Report& report, FailOn fail_on);

// --fail-on unread: every unread script fails the report too, one "<url>: unread (<reason>)" line
// each after the findings' lines. Call after apply_fail_on.
void apply_fail_on_unread(Report& report);

// The value --fail-on takes: a threshold, "unread", or both, comma-separated ("new,unread").
struct FailOnFlag {
  std::optional<FailOn> threshold;  // none: the policy file's, else never
  bool unread = false;
};
// Throws the usage error "bad --fail-on 'X' (never, policy, new, high, critical or unread; one
// threshold, and unread, comma-separated)" for anything else.
FailOnFlag parse_fail_on_flag(const std::string& text);

// What the report's gate is, as --fail-on would say it: "new", "unread", "new,unread", "never".
std::string gate_name(const Report& report);

}  // namespace tagdrift::drift
