// URL path globs for policy rules: "/services/**" (anything under /services), "/blog/*/" (one
// segment). Compiled to RE2 once when the policy loads; a trailing slash never matters.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace re2 {
class RE2;
}

namespace tagdrift::drift {

class PathGlob {
 public:
  // Compiles `glob`, or returns nullopt and says why in `*error`. A glob starts with "/", holds
  // no query, fragment or space, and "**" is a whole segment.
  static std::optional<PathGlob> compile(std::string_view glob, std::string* error);

  PathGlob(PathGlob&&) noexcept;
  PathGlob& operator=(PathGlob&&) noexcept;
  ~PathGlob();

  // True when the whole `path` ("/services/ivf/") matches.
  bool matches(std::string_view path) const;
  const std::string& text() const { return text_; }

 private:
  PathGlob(std::string text, std::unique_ptr<re2::RE2> regex);

  std::string text_;
  std::unique_ptr<re2::RE2> regex_;
};

// Why a valid glob can never match a stored page path, or "" when it may. Stored URLs are
// normalized (crawler/url.h): no "." or ".." segments, non-ASCII and unsafe bytes percent-encoded,
// escapes in upper case. A policy warns about such a glob instead of silently matching nothing.
std::string never_matches(std::string_view glob);

// The RE2 pattern a glob compiles to (exposed for tests): "/a/**" -> "/a(?:/.*)?/?".
std::string glob_to_regex(std::string_view glob);

}  // namespace tagdrift::drift
