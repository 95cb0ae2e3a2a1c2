#include "drift/report_model.h"

#include <catch2/catch.hpp>
#include <string>

using namespace tagdrift::drift;

TEST_CASE("report model: every status, severity and fail-on has its name") {
  CHECK(std::string(status_name(Status::kNew)) == "new");
  CHECK(std::string(status_name(Status::kChanged)) == "changed");
  CHECK(std::string(status_name(Status::kKnown)) == "known");
  CHECK(std::string(status_name(Status::kApproved)) == "approved");
  CHECK(std::string(severity_name(Severity::kInfo)) == "info");
  CHECK(std::string(severity_name(Severity::kLow)) == "low");
  CHECK(std::string(severity_name(Severity::kMedium)) == "medium");
  CHECK(std::string(severity_name(Severity::kHigh)) == "high");
  CHECK(std::string(severity_name(Severity::kCritical)) == "critical");
  CHECK(std::string(fail_on_name(FailOn::kNever)) == "never");
  CHECK(std::string(fail_on_name(FailOn::kPolicy)) == "policy");
  CHECK(std::string(fail_on_name(FailOn::kNew)) == "new");
  CHECK(std::string(fail_on_name(FailOn::kHigh)) == "high");
  CHECK(std::string(fail_on_name(FailOn::kCritical)) == "critical");
}
