// Where a SARIF result points: the file in the repository for a page of a directory target (so
// code scanning shows the alert on that file and line), the page URL otherwise.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <unordered_map>

#include "drift/report_model.h"

namespace tagdrift::report {

// The uriBaseId of file locations: the folder code scanning resolves them against, the
// repository's root, which a CI job's working directory is.
inline constexpr const char* kSourceRoot = "%SRCROOT%";

// "public/appointments/index.html" as a URI reference: percent-encoded but for unreserved
// characters and '/'.
std::string file_uri(std::string_view path);

// Each page's file, by page URL, for the pages of a directory target; relative files are kept
// as they are and absolute ones made relative to `working_dir` when they lie under it.
class PageFiles {
 public:
  PageFiles(const drift::Report& report, std::filesystem::path working_dir);

  // A physicalLocation-bearing location for `page`: its file (with the tag's line, when the tag
  // is in the page itself rather than in a script it loads) or else its URL.
  nlohmann::json location(const drift::FindingPage& page) const;

 private:
  std::unordered_map<std::string, std::string> files_;  // url -> file as stored
  std::filesystem::path working_dir_;
};

}  // namespace tagdrift::report
