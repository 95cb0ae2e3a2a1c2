#include "fleet/report_files.h"

#include <cstdio>
#include <fstream>
#include <set>

#include "util/error.h"

namespace tagdrift::fleet {

namespace fs = std::filesystem;

std::string safe_file_stem(const std::string& name) {
  std::string stem;
  for (char c : name) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '_' || (c == '.' && !stem.empty());
    if (keep) {
      stem += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    } else if (!stem.empty() && stem.back() != '-') {
      stem += '-';
    }
  }
  while (!stem.empty() && (stem.back() == '-' || stem.back() == '.')) stem.pop_back();
  if (stem.size() > 100) stem.resize(100);
  return stem.empty() ? "site" : stem;
}

std::string report_extension(report::Format format) {
  switch (format) {
    case report::Format::kText:
      return ".txt";
    case report::Format::kJson:
      return ".json";
    case report::Format::kMarkdown:
      return ".md";
    case report::Format::kJunit:
      return ".xml";
    case report::Format::kSarif:
      return ".sarif";
    case report::Format::kHtml:
      return ".html";
  }
  return ".txt";
}

std::vector<fs::path> report_paths(const std::vector<std::string>& names, const fs::path& dir,
                                   report::Format format) {
  std::vector<fs::path> paths;
  std::set<std::string> taken;
  for (const std::string& name : names) {
    const std::string stem = safe_file_stem(name);
    std::string file = stem;
    for (int n = 2; !taken.insert(file).second; ++n) file = stem + "-" + std::to_string(n);
    paths.push_back(dir / (file + report_extension(format)));
  }
  return paths;
}

void prepare_reports_dir(const fs::path& dir) {
  std::error_code error;
  fs::create_directories(dir, error);
  if (error || !fs::is_directory(dir)) {
    throw usage_error("cannot create the --reports folder: " + dir.string());
  }
  const fs::path probe = dir / ".tagdrift-write-check";
  {
    std::ofstream out(probe, std::ios::binary | std::ios::trunc);
    if (!out) throw usage_error("cannot write in the --reports folder: " + dir.string());
  }
  fs::remove(probe, error);
}

std::string write_report_file(const fs::path& path, const drift::Report& report,
                              report::Format format, const drift::SiteHistory* history) {
  const fs::path temporary = path.string() + ".tmp-tagdrift";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) return "cannot write " + path.string();
    report::RenderOptions options;
    options.history = history;
    report::render(report, format, options, out);
    out.flush();
    if (!out) {
      std::remove(temporary.c_str());
      return "cannot write " + path.string();
    }
  }
  std::error_code error;
  fs::rename(temporary, path, error);
  if (error) {
    std::remove(temporary.c_str());
    return "cannot write " + path.string() + ": " + error.message();
  }
  return "";
}

}  // namespace tagdrift::fleet
