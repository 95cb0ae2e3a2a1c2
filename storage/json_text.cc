#include "storage/json_text.h"

#include <nlohmann/json.hpp>

namespace tagdrift::storage {

std::string to_json_text(const std::vector<std::string>& values) {
  return nlohmann::json(values).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::optional<std::vector<std::string>> from_json_text(const std::string& text) {
  if (text.empty()) return std::vector<std::string>{};
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
