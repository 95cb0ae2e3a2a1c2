#include "detectors/javascript_type.h"

#include <array>
#include <string>

namespace tagdrift::detectors {
namespace {

// https://html.spec.whatwg.org/#javascript-mime-type
constexpr std::array<std::string_view, 17> kJavaScriptTypes = {
    "application/ecmascript",
    "application/javascript",
    "application/x-ecmascript",
    "application/x-javascript",
    "text/ecmascript",
    "text/javascript",
    "text/javascript1.0",
    "text/javascript1.1",
    "text/javascript1.2",
    "text/javascript1.3",
    "text/javascript1.4",
    "text/javascript1.5",
    "text/jscript",
    "text/livescript",
    "text/x-ecmascript",
    "text/x-javascript",
    "module",
};

// Substrings of types that carry data or templates rather than code a consent manager releases.
constexpr std::array<std::string_view, 9> kDataBlockMarks = {
    "json",     "importmap", "speculationrules", "template", "handlebars",
    "mustache", "tmpl",      "text/html",        "x-shader",
};

std::string lower_trimmed(std::string_view text) {
  std::size_t begin = text.find_first_not_of(" \t\n\f\r");
  if (begin == std::string_view::npos) return {};
  std::size_t end = text.find_last_not_of(" \t\n\f\r");
  std::string out(text.substr(begin, end - begin + 1));
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace

bool is_javascript_type(std::string_view type) {
  std::string normal = lower_trimmed(type);
  if (normal.empty()) return true;
  for (std::string_view known : kJavaScriptTypes) {
    if (normal == known) return true;
  }
  return false;
}

bool is_data_block_type(std::string_view type) {
  std::string normal = lower_trimmed(type);
  for (std::string_view mark : kDataBlockMarks) {
    if (normal.find(mark) != std::string::npos) return true;
  }
  return false;
}

}  // namespace tagdrift::detectors
