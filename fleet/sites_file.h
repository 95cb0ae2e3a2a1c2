// SITES.toml: the sites a fleet run scans, one [[site]] table each. Read whole and checked before
// anything is scanned; a mistake is one line naming the file, line, column and key.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "drift/report_model.h"

namespace tagdrift::fleet {

// One [[site]] table. What it leaves unset comes from the command line's flags.
struct SiteEntry {
  std::string name;
  std::string where;                 // "FILE:LINE:COL" of its table, for errors found later
  std::vector<std::string> targets;  // URLs, or directories resolved against the file's folder
  std::optional<std::string> base_url, scope, policy, notify, group;
  std::optional<std::vector<std::string>> include, exclude;
  std::optional<drift::FailOn> fail_on;
  std::optional<std::size_t> max_pages;
};

// An http(s) URL with a host, as `scan` accepts for a target or --notify.
bool good_url(const std::string& text);

// The [[site]] keys, in the order the README lists them.
const std::vector<std::string>& site_keys();

// Parses `text` (named `file` in errors); relative directory targets and policy paths are
// resolved against `folder`. Throws Error (exit 2) with "FILE:LINE:COL: <what>" for a syntax
// error, an unknown key, a value of the wrong type, a duplicate name, a site without targets, a
// target that is neither an http(s) URL nor a directory, a bad URL, pattern, scope or fail_on.
std::vector<SiteEntry> parse_sites(std::string_view text, const std::string& file,
                                   const std::filesystem::path& folder);

// Reads and parses the file at `path`; throws Error (exit 2) when it cannot be read.
std::vector<SiteEntry> load_sites_file(const std::string& path);

}  // namespace tagdrift::fleet
