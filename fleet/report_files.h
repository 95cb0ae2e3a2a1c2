// --reports DIR: each fleet site's full report in a file of its own, named from the site's name.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "drift/report_model.h"
#include "drift/site_history.h"
#include "report/report.h"

namespace tagdrift::fleet {

// A file name made from a site name: ASCII letters, digits, '-', '_' and '.' kept (letters lower
// case), every other run of characters one '-', no leading dot; "site" when nothing is left.
std::string safe_file_stem(const std::string& name);

// The extension a report of `format` is written with: ".txt", ".json", ".md", ".xml", ".sarif".
std::string report_extension(report::Format format);

// One file per name in `dir`, in order: the safe stem, "-2", "-3"... when two names meet.
std::vector<std::filesystem::path> report_paths(const std::vector<std::string>& names,
                                                const std::filesystem::path& dir,
                                                report::Format format);

// Creates `dir` when missing; throws Error (exit 2) when no file can be written in it.
void prepare_reports_dir(const std::filesystem::path& dir);

// Renders `report` into `path` through a temporary renamed over it once whole; `history` is the
// HTML report's History section (null: none). Returns "" or why it could not be written.
std::string write_report_file(const std::filesystem::path& path, const drift::Report& report,
                              report::Format format, const drift::SiteHistory* history = nullptr);

}  // namespace tagdrift::fleet
