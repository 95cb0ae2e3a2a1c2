#include "report/markdown_escape.h"

#include "report/safe_text.h"

namespace tagdrift::report {
namespace {

// CommonMark lets any ASCII punctuation be escaped; these are the ones that mean something inline
// or in a table on GitHub ('$' opens maths, '#' and '@' link issues and people). No escaped text
// starts a line, so '-', '+' and '.' stay as they are, and URLs stay readable.
constexpr std::string_view kSpecial = "\\`*_[]()<>#|~&$@";

}  // namespace

std::string markdown_escape(std::string_view text) {
  std::string flat(text);
  for (char& c : flat) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  std::string safe = printable(flat);
  std::string out;
  out.reserve(safe.size() + safe.size() / 8);
  for (char c : safe) {
    if (kSpecial.find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

}  // namespace tagdrift::report
