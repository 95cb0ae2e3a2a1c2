#include "storage/json_text.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string_view>

namespace tagdrift::storage {

std::string to_json_text(const std::vector<std::string>& values) {
  return nlohmann::json(values).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::optional<std::vector<std::string_view>> plain_json_strings(std::string_view text) {
  if (text.size() < 2 || text.front() != '[' || text.back() != ']') return std::nullopt;
  if (text.find('\\') != std::string_view::npos) return std::nullopt;
  std::vector<std::string_view> values;
  std::string_view rest = text.substr(1, text.size() - 2);
  while (!rest.empty()) {
    if (rest.front() != '"') return std::nullopt;
    std::size_t close = rest.find('"', 1);
    if (close == std::string_view::npos) return std::nullopt;
    std::string_view value = rest.substr(1, close - 1);
    if (std::any_of(value.begin(), value.end(), [](char c) {
          auto byte = static_cast<unsigned char>(c);
          return byte < 0x20 || byte >= 0x80;  // UTF-8 is left to the parser
        })) {
      return std::nullopt;
    }
    values.push_back(value);
    rest.remove_prefix(close + 1);
    if (rest.empty()) break;
    if (rest.front() != ',' || rest.size() == 1) return std::nullopt;
    rest.remove_prefix(1);
  }
  return values;
}

std::optional<std::vector<std::string>> from_json_text(const std::string& text) {
  if (text.empty()) return std::vector<std::string>{};
  // Lists of links are read for every page of a rescan: the common case skips the parser.
  if (auto plain = plain_json_strings(text)) {
    return std::vector<std::string>(plain->begin(), plain->end());
  }
  nlohmann::json parsed = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!parsed.is_array()) return std::nullopt;
  std::vector<std::string> values;
  for (const nlohmann::json& item : parsed) {
    if (!item.is_string()) return std::nullopt;
    values.push_back(item.get<std::string>());
  }
  return values;
}

}  // namespace tagdrift::storage
