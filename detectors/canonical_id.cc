#include "detectors/canonical_id.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "util/ascii.h"
#include "util/percent_decode.h"

namespace tagdrift::detectors {
namespace {

std::string_view trim(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n\"'`";
  std::size_t begin = text.find_first_not_of(kSpace);
  if (begin == std::string_view::npos) return {};
  std::size_t end = text.find_last_not_of(kSpace);
  return text.substr(begin, end - begin + 1);
}

// "GTM-XXXX", "UA-XXXXX-Y", "xxxxxxxxxx": a run of three or more x's after any short prefix.
bool has_x_run(std::string_view id) {
  std::size_t run = 0;
  std::size_t dash = id.find('-');
  std::string_view body = (dash != std::string_view::npos && dash <= 3) ? id.substr(dash + 1) : id;
  for (char c : body) {
    run = (c == 'x' || c == 'X') ? run + 1 : 0;
    if (run >= 3) return true;
  }
  return false;
}

// 123456789, 000000, 1111111: sample numbers from vendor documentation.
bool is_sample_number(std::string_view id) {
  if (id.size() < 6 || !std::all_of(id.begin(), id.end(), ::isdigit)) return false;
  bool same = std::all_of(id.begin(), id.end(), [&](char c) { return c == id.front(); });
  bool ascending = true;
  for (std::size_t i = 1; i < id.size(); ++i) {
    ascending = ascending && ((id[i - 1] - '0' + 1) % 10 == id[i] - '0');
  }
  return same || ascending;
}

}  // namespace

bool is_placeholder_id(std::string_view id) {
  if (id.empty()) return true;
  // Template syntax of Liquid, Jinja, Blade, PHP, ERB, JS concatenation and shell-like variables.
  if (id.find_first_of("{}<>$%[]()+ \t\r\n;=@") != std::string_view::npos) return true;
  std::string low = ascii_lowercase(id);
  static constexpr std::array<std::string_view, 8> kWords = {
      "your", "_id", "placeholder", "insert", "example", "sample", "replace", "undefined"};
  for (std::string_view word : kWords) {
    if (low.find(word) != std::string::npos) return true;
  }
  return has_x_run(id) || is_sample_number(id);
}

CanonicalId canonical_id(std::string_view captured, const IdRules& rules) {
  std::string decoded = percent_decoded(captured);
  std::string id(trim(decoded));
  if (is_placeholder_id(id)) return {IdStatus::kPlaceholder, {}};
  if (rules.upper) {
    std::transform(id.begin(), id.end(), id.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  }
  if (!rules.prefix.empty() && ascii_lowercase(id).rfind(ascii_lowercase(rules.prefix), 0) != 0) {
    id = std::string(rules.prefix) + id;
  }
  if (rules.format != nullptr && !re2::RE2::FullMatch(id, *rules.format)) {
    return {IdStatus::kForeign, {}};
  }
  return {IdStatus::kOk, id};
}

}  // namespace tagdrift::detectors
