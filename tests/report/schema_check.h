// Validates reports with real validators run as child processes: JSON documents against a JSON
// Schema (docs/report.schema.json, or the SARIF 2.1.0 schema scripts/deps fetches) with Python's
// jsonschema (Debian: python3-jsonschema), XML with xmllint (Debian: libxml2-utils).
#pragma once

#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
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

// Runs a shell command, its stdout and stderr captured together.
inline SchemaCheck run_checker(const std::string& command) {
  SchemaCheck check;
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen((command + " 2>&1").c_str(), "r"), pclose);
  if (!pipe) return check;
  char buffer[4096];
  while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe.get()))
    check.output.append(buffer, n);
  int status = pclose(pipe.release());
  check.exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return check;
}

// `document` against the JSON Schema in the file `schema` (a bare name is a file in docs/).
inline SchemaCheck check_against_schema(const nlohmann::json& document, std::string schema) {
  if (schema.find('/') == std::string::npos) {
    schema = std::string(TAGDRIFT_SOURCE_DIR) + "/docs/" + schema;
  }
  TempDir dir;
  auto script = dir.write("validate.py", kValidatorScript);
  auto doc = dir.write("report.json",
                       document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
  return run_checker("/usr/bin/python3 '" + script.string() + "' '" + schema + "' '" +
                     doc.string() + "'");
}

// `document` against docs/report.schema.json.
inline SchemaCheck check_against_schema(const nlohmann::json& document) {
  return check_against_schema(document,
                              std::string(TAGDRIFT_SOURCE_DIR) + "/docs/report.schema.json");
}

// True when a missing validator or schema must fail the test rather than skip the check:
// scripts/test (and so CI) sets TAGDRIFT_REQUIRE_SCHEMAS=1 after scripts/deps installed them.
inline bool schemas_required() {
  const char* value = std::getenv("TAGDRIFT_REQUIRE_SCHEMAS");
  return value != nullptr && std::string(value) == "1";
}

// Where scripts/deps keeps the SARIF 2.1.0 JSON Schema: $TAGDRIFT_SCHEMA_DIR, else
// $XDG_CACHE_HOME/tagdrift/schemas, else ~/.cache/tagdrift/schemas. Empty when it is not there.
inline std::string sarif_schema_path() {
  std::filesystem::path dir;
  if (const char* set = std::getenv("TAGDRIFT_SCHEMA_DIR"); set && *set) {
    dir = set;
  } else if (const char* cache = std::getenv("XDG_CACHE_HOME"); cache && *cache) {
    dir = std::filesystem::path(cache) / "tagdrift/schemas";
  } else if (const char* home = std::getenv("HOME"); home && *home) {
    dir = std::filesystem::path(home) / ".cache/tagdrift/schemas";
  }
  std::filesystem::path file = dir / "sarif-schema-2.1.0.json";
  std::error_code error;
  return !dir.empty() && std::filesystem::is_regular_file(file, error) ? file.string() : "";
}

// Whether the XML file is well-formed, by xmllint; exit status 127 when xmllint is missing.
inline SchemaCheck check_xml(const std::filesystem::path& file) {
  if (!std::filesystem::exists("/usr/bin/xmllint")) return {127, "xmllint is not installed"};
  return run_checker("/usr/bin/xmllint --noout '" + file.string() + "'");
}

}  // namespace tagdrift::testing
