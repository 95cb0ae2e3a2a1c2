#include "drift/path_glob.h"

#include <fmt/format.h>
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

bool is_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F'); }

// Whether what follows a '%' in a glob may match the two upper-case hex digits of an escape.
bool escape_may_follow(std::string_view rest) {
  for (std::size_t k = 0; k < 2; ++k) {
    if (k >= rest.size() || (rest[k] != '*' && !is_hex(rest[k]))) return false;
    if (rest[k] == '*') return true;
  }
  return true;
}

// Bytes a normalized path never holds raw: controls, space, non-ASCII and "<>`{}|\^.
bool always_escaped(unsigned char c) {
  return c < 0x21 || c >= 0x7f ||
         std::string_view("\"<>`{}|\\^").find(static_cast<char>(c)) != std::string_view::npos;
}

}  // namespace

std::string never_matches(std::string_view glob) {
  for (std::string_view segment : segments_of(glob)) {
    if (segment == "." || segment == "..") {
      return "page paths never hold '.' or '..' segments (URLs are normalized)";
    }
  }
  for (std::size_t i = 0; i < glob.size(); ++i) {
    const auto c = static_cast<unsigned char>(glob[i]);
    if (always_escaped(c)) {
      std::string encoded;
      for (char byte : glob) {
        const auto b = static_cast<unsigned char>(byte);
        encoded += always_escaped(b) ? fmt::format("%{:02X}", b) : std::string(1, byte);
      }
      return "page paths hold non-ASCII and unsafe characters percent-encoded: write '" + encoded +
             "'";
    }
    if (c == '%' && !escape_may_follow(glob.substr(i + 1))) {
      return "page paths hold '%' only as an upper-case escape such as '%2F'";
    }
  }
  return "";
}

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
