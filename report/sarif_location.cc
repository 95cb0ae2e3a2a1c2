#include "report/sarif_location.h"

#include <fmt/format.h>

#include <cctype>

namespace tagdrift::report {
namespace {

using nlohmann::json;

bool unreserved(unsigned char c) {
  return std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
}

json artifact(const std::string& path, const std::filesystem::path& working_dir) {
  std::filesystem::path file(path);
  if (file.is_absolute()) {
    std::filesystem::path relative = file.lexically_relative(working_dir);
    if (relative.empty() || *relative.begin() == "..") {
      return {{"uri", "file://" + file_uri(file.lexically_normal().generic_string())}};
    }
    file = relative;
  }
  return {{"uri", file_uri(file.lexically_normal().generic_string())}, {"uriBaseId", kSourceRoot}};
}

}  // namespace

std::string file_uri(std::string_view path) {
  std::string out;
  for (unsigned char c : path) {
    out += unreserved(c) ? std::string(1, static_cast<char>(c)) : fmt::format("%{:02X}", c);
  }
  return out;
}

PageFiles::PageFiles(const drift::Report& report, std::filesystem::path working_dir)
    : working_dir_(std::move(working_dir)) {
  for (const drift::ReportPage& page : report.pages) {
    if (!page.file.empty()) files_.emplace(*page.url, *page.file);
  }
}

json PageFiles::location(const drift::FindingPage& page) const {
  auto file = files_.find(*page.url);
  if (file == files_.end()) {
    json physical = {{"artifactLocation", {{"uri", *page.url}}}};
    if (page.line > 0) physical["region"] = {{"startLine", page.line}};
    return {{"physicalLocation", physical}};
  }
  json physical = {{"artifactLocation", artifact(file->second, working_dir_)}};
  // A tag found in a script the page loads has its line in that script, not in this file.
  if (page.line > 0 && page.via.empty()) physical["region"] = {{"startLine", page.line}};
  return {{"physicalLocation", physical}, {"message", {{"text", *page.url}}}};
}

}  // namespace tagdrift::report
