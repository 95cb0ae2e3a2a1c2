#include "cli/fail_on_flag.h"

#include <string>

#include "drift/fail_on.h"
#include "util/error.h"

namespace tagdrift::cli {

CLI::Validator fail_on_validator() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        try {
          drift::parse_fail_on_flag(value);
          return {};
        } catch (const Error& e) {
          return e.what();
        }
      },
      "never|policy|new|high|critical[,unread]");
}

}  // namespace tagdrift::cli
