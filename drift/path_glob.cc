#include "drift/path_glob.h"

#include <re2/re2.h>

#include <vector>

namespace tagdrift::drift {
namespace {

std::vector<std::string_view> segments_of(std::string_view glob) {
  std::vector<std::string_view> segments;
  std::size_t start = 1;  // after the leading "/"
  while (start <= glob.size()) {
    std::size_t end = glob.find('/', start);
    if (end == std::string_view::npos) end = glob.size();
    segments.push_back(glob.substr(start, end - start));
    start = end + 1;
  }
  return segments;
}

std::string segment_regex(std::string_view segment) {
  if (segment == "*") return "[^/]+";  // a whole segment is never empty
  std::string out;
  std::size_t literal_start = 0;
  for (std::size_t i = 0; i <= segment.size(); ++i) {
    if (i < segment.size() && segment[i] != '*') continue;
    out += RE2::QuoteMeta(segment.substr(literal_start, i - literal_start));
    if (i < segment.size()) out += "[^/]*";
    literal_start = i + 1;
  }
  return out;
}

std::string_view glob_problem(std::string_view glob) {
  if (glob.empty() || glob.front() != '/') return "must start with '/'";
  if (glob.find_first_of("?# \t\r\n") != std::string_view::npos) {
    return "must be a path only: no '?', '#' or spaces";
  }
  for (std::string_view segment : segments_of(glob)) {
    if (segment.find("**") != std::string_view::npos && segment != "**") {
      return "'**' must be a whole path segment";
    }
  }
  return "";
}

}  // namespace

std::string glob_to_regex(std::string_view glob) {
  while (glob.size() > 1 && glob.back() == '/') glob.remove_suffix(1);
  if (glob == "/") return "/";
  std::string out;
  for (std::string_view segment : segments_of(glob)) {
    // "/**" is zero or more whole segments, so "/services/**" also matches "/services".
    out += segment == "**" ? "(?:/.*)?" : "/" + segment_regex(segment);
  }
  return out + "/?";
}

std::optional<PathGlob> PathGlob::compile(std::string_view glob, std::string* error) {
  std::string_view problem = glob_problem(glob);
  if (!problem.empty()) {
    *error = "bad glob '" + std::string(glob) + "': " + std::string(problem);
    return std::nullopt;
  }
  RE2::Options options;
  options.set_log_errors(false);
  auto regex = std::make_unique<RE2>(glob_to_regex(glob), options);
  if (!regex->ok()) {
    *error = "bad glob '" + std::string(glob) + "': " + regex->error();
    return std::nullopt;
  }
  return PathGlob(std::string(glob), std::move(regex));
}

PathGlob::PathGlob(std::string text, std::unique_ptr<RE2> regex)
    : text_(std::move(text)), regex_(std::move(regex)) {}
PathGlob::PathGlob(PathGlob&&) noexcept = default;
PathGlob& PathGlob::operator=(PathGlob&&) noexcept = default;
PathGlob::~PathGlob() = default;

bool PathGlob::matches(std::string_view path) const { return RE2::FullMatch(path, *regex_); }

}  // namespace tagdrift::drift
