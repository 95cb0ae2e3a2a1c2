// Validates a JSON document against docs/report.schema.json (or another schema in docs/) with a
// real JSON Schema validator: Python's jsonschema (Debian: python3-jsonschema), run as a child
// process.
#pragma once

#include <sys/wait.h>

#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "tests/support/temp_dir.h"

namespace tagdrift::testing {

inline constexpr const char* kValidatorScript = R"(import json, sys
try:
    import jsonschema
except ImportError:
    print("python3 has no jsonschema module: install python3-jsonschema")
    sys.exit(3)
schema = json.load(open(sys.argv[1], encoding="utf-8"))
document = json.load(open(sys.argv[2], encoding="utf-8"))
validator = jsonschema.validators.validator_for(schema)
validator.check_schema(schema)
errors = sorted(validator(schema).iter_errors(document), key=lambda e: list(e.absolute_path))
for error in errors:
    print("/".join(map(str, error.absolute_path)) + ": " + error.message)
sys.exit(1 if errors else 0)
)";

struct SchemaCheck {
  int exit_status = -1;  // 0 valid, 1 invalid, 3 no validator, anything else: broken
  std::string output;    // one line per schema error
};

// `schema` names a file in docs/: the report's schema unless told otherwise.
inline SchemaCheck check_against_schema(const nlohmann::json& document,
                                        const std::string& schema_file = "report.schema.json") {
  TempDir dir;
  auto script = dir.write("validate.py", kValidatorScript);
  auto doc = dir.write("report.json",
                       document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
  std::string schema = std::string(TAGDRIFT_SOURCE_DIR) + "/docs/" + schema_file;
  std::string command =
      "/usr/bin/python3 '" + script.string() + "' '" + schema + "' '" + doc.string() + "' 2>&1";
  SchemaCheck check;
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  if (!pipe) return check;
  char buffer[4096];
  while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe.get()))
    check.output.append(buffer, n);
  int status = pclose(pipe.release());
  check.exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return check;
}

}  // namespace tagdrift::testing
