// ASCII character classes and case folding that ignore the C locale: protocol tokens, tag and
// header names, hosts and file extensions compare this way, and bytes past 0x7f stay as they are.
#pragma once

#include <string>
#include <string_view>

namespace tagdrift {

constexpr bool is_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
constexpr bool is_ascii_lower(char c) { return c >= 'a' && c <= 'z'; }
constexpr bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
constexpr bool is_ascii_alpha(char c) { return is_ascii_upper(c) || is_ascii_lower(c); }
constexpr bool is_ascii_alnum(char c) { return is_ascii_alpha(c) || is_ascii_digit(c); }

// HTML's white space: space, tab, line feed, form feed, carriage return.
constexpr bool is_html_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// The value of a hex digit (0-9, a-f, A-F), or -1 for any other byte.
constexpr int hex_digit_value(char c) {
  if (is_ascii_digit(c)) return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

constexpr char ascii_lower(char c) { return is_ascii_upper(c) ? static_cast<char>(c + 32) : c; }

// `text` with A-Z folded to a-z.
std::string ascii_lowercase(std::string_view text);

// Equal, or `text` begins with / holds `part`, with A-Z and a-z taken as the same.
bool iequals(std::string_view a, std::string_view b);
bool istarts_with(std::string_view text, std::string_view prefix);
bool icontains(std::string_view text, std::string_view part);

}  // namespace tagdrift
