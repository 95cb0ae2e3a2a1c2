#include "drift/fail_on.h"

#include <array>

#include "drift/name_list.h"
#include "util/error.h"

namespace tagdrift::drift {
namespace {

constexpr std::array<FailOn, 5> kAll = {FailOn::kNever, FailOn::kPolicy, FailOn::kNew,
                                        FailOn::kHigh, FailOn::kCritical};

bool is_drift(const Finding& finding) {
  return finding.status == Status::kNew || finding.status == Status::kChanged;
}

std::string severity_reason(const Finding& finding, FailOn fail_on) {
  if (finding.status == Status::kApproved) return "";
  const bool meets = (fail_on == FailOn::kHigh && finding.severity >= Severity::kHigh) ||
                     (fail_on == FailOn::kCritical && finding.severity == Severity::kCritical);
  return meets ? std::string("severity ") + severity_name(finding.severity) : "";
}

}  // namespace

std::optional<FailOn> fail_on_from_name(std::string_view name) {
  for (FailOn fail_on : kAll) {
    if (name == fail_on_name(fail_on)) return fail_on;
  }
  return std::nullopt;
}

FailOn parse_fail_on(const std::string& text) {
  std::optional<FailOn> fail_on = fail_on_from_name(text);
  if (!fail_on) {
    throw usage_error("bad --fail-on '" + text + "' (never, policy, new, high or critical)");
  }
  return *fail_on;
}

FailOn effective_fail_on(std::optional<FailOn> from_flag, std::optional<FailOn> from_policy) {
  if (from_flag) return *from_flag;
  return from_policy.value_or(FailOn::kNever);
}

std::string failing_because(const Finding& finding, FailOn fail_on) {
  if (fail_on == FailOn::kNever) return "";
  std::vector<std::string> why;
  if (fail_on == FailOn::kNew && is_drift(finding)) why.push_back(status_name(finding.status));
  std::string severity = severity_reason(finding, fail_on);
  if (!severity.empty()) why.push_back(severity);
  for (const std::string& violation : finding.policy_violations) {
    why.push_back("policy: " + violation);
  }
  return joined(why, "; ");
}

void apply_fail_on(Report& report, FailOn fail_on) {
  report.fail_on = fail_on;
  report.failing.clear();
  for (const Finding& finding : report.findings) {
    std::string why = failing_because(finding, fail_on);
    if (!why.empty()) report.failing.push_back(finding.key + ": " + why);
  }
  report.failed = !report.failing.empty();
}

void apply_fail_on_unread(Report& report) {
  report.fail_on_unread = true;
  for (const UnreadScript& script : report.unread_scripts) {
    report.failing.push_back(script.url + ": unread (" + script.reason + ": " + script.detail +
                             ")");
  }
  report.failed = !report.failing.empty();
}

FailOnFlag parse_fail_on_flag(const std::string& text) {
  FailOnFlag flag;
  const auto bad = [&] {
    return usage_error("bad --fail-on '" + text +
                       "' (never, policy, new, high, critical or unread; one threshold, and "
                       "unread, comma-separated)");
  };
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    const std::string value = text.substr(start, comma - start);
    if (value == "unread" && !flag.unread) {
      flag.unread = true;
    } else if (auto threshold = fail_on_from_name(value); threshold && !flag.threshold) {
      flag.threshold = threshold;
    } else {
      throw bad();
    }
    start = comma + 1;
  }
  return flag;
}

std::string gate_name(const Report& report) {
  if (!report.fail_on_unread) return fail_on_name(report.fail_on);
  if (report.fail_on == FailOn::kNever) return "unread";
  return std::string(fail_on_name(report.fail_on)) + ",unread";
}

}  // namespace tagdrift::drift
