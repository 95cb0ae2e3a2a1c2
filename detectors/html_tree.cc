#include "detectors/html_tree.h"

namespace tagdrift::detectors {

const char* attribute_value(const GumboElement& element, const char* name) {
  const GumboAttribute* attr = gumbo_get_attribute(&element.attributes, name);
  return attr == nullptr ? nullptr : attr->value;
}

bool has_class_prefix(const GumboElement& element, std::string_view prefix) {
  const char* value = attribute_value(element, "class");
  if (value == nullptr) return false;
  std::string_view classes(value);
  std::size_t pos = 0;
  while (pos < classes.size()) {
    std::size_t start = classes.find_first_not_of(" \t\n\f\r", pos);
    if (start == std::string_view::npos) break;
    std::size_t end = classes.find_first_of(" \t\n\f\r", start);
    if (end == std::string_view::npos) end = classes.size();
    if (classes.substr(start, end - start).starts_with(prefix)) return true;
    pos = end;
  }
  return false;
}

bool has_markup(std::string_view text) {
  for (std::size_t lt = text.find('<'); lt != std::string_view::npos; lt = text.find('<', lt + 1)) {
    if (lt + 1 < text.size()) {
      char next = text[lt + 1];
      if ((next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z')) return true;
    }
  }
  return false;
}

unsigned count_line_breaks(std::string_view text) {
  unsigned breaks = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++breaks;
    } else if (text[i] == '\r') {
      ++breaks;
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    }
  }
  return breaks;
}

}  // namespace tagdrift::detectors
