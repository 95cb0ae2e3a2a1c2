// Runs the real `tagdrift` program against a loopback site and reads back what it left: the JSON
// report, the history database, its output. Shared by the hostile-server, crash and credential
// tests.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/support/child_process.h"

namespace tagdrift::testing {

// The tagdrift program this test binary was built with.
std::string tagdrift_binary();

struct ScanRun {
  ChildResult child;
  nlohmann::json report;  // null when the scan wrote no report
};

// `tagdrift scan URL --db DIR/x.db --format json --output DIR/r.json --quiet FLAGS...`.
ScanRun run_scan(const std::string& url, const std::filesystem::path& dir,
                 const std::vector<std::string>& flags = {},
                 const std::vector<std::string>& extra_env = {});

// `tagdrift ARGS...` (the program name is added), output captured.
ChildResult run_tagdrift(const std::vector<std::string>& args, const std::filesystem::path& dir,
                         const std::vector<std::string>& extra_env = {});

// The report's entry in pages[] for `url`, or null.
const nlohmann::json* find_page(const nlohmann::json& report, const std::string& url);

// Every row of `sql` on the database at `path` (opened read-only), each column as text.
std::vector<std::vector<std::string>> query(const std::filesystem::path& path,
                                            const std::string& sql);

}  // namespace tagdrift::testing
