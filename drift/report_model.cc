#include "drift/report_model.h"

namespace tagdrift::drift {

const char* status_name(Status status) {
  switch (status) {
    case Status::kNew:
      return "new";
    case Status::kChanged:
      return "changed";
    case Status::kKnown:
      return "known";
    case Status::kApproved:
      return "approved";
  }
  return "known";
}

const char* severity_name(Severity severity) {
  switch (severity) {
    case Severity::kInfo:
      return "info";
    case Severity::kLow:
      return "low";
    case Severity::kMedium:
      return "medium";
    case Severity::kHigh:
      return "high";
    case Severity::kCritical:
      return "critical";
  }
  return "info";
}

const char* fail_on_name(FailOn fail_on) {
  switch (fail_on) {
    case FailOn::kNever:
      return "never";
    case FailOn::kPolicy:
      return "policy";
    case FailOn::kNew:
      return "new";
    case FailOn::kHigh:
      return "high";
    case FailOn::kCritical:
      return "critical";
  }
  return "never";
}

}  // namespace tagdrift::drift
