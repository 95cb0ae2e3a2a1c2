#include "detectors/gtm_firing.h"

#include <string_view>

namespace tagdrift::detectors {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxText = 200;

std::string string_field(const json& object, const char* key) {
  if (!object.is_object()) return {};
  auto found = object.find(key);
  return found != object.end() && found->is_string() ? found->get<std::string>() : "";
}

// The built-in variable a predicate tests, by the name the UI gives it.
std::string variable_name(const json& operand, const json& macros) {
  if (!operand.is_array() || operand.size() < 2 || operand[0] != "macro" ||
      !operand[1].is_number_unsigned() || !macros.is_array() ||
      operand[1].get<std::size_t>() >= macros.size()) {
    return "a variable";
  }
  const std::size_t index = operand[1].get<std::size_t>();
  const json& macro = macros[index];
  const std::string kind = string_field(macro, "function");
  if (kind == "__e") return "Event";
  if (kind == "__u") {
    const std::string component = string_field(macro, "vtp_component");
    if (component == "PATH") return "Page Path";
    if (component == "HOST") return "Page Hostname";
    return "Page URL";
  }
  if (kind == "__f") return "Referrer";
  if (kind == "__v") return "dataLayer " + string_field(macro, "vtp_name");
  return "variable " + std::to_string(index) + " (" + kind + ")";
}

std::string operator_text(std::string_view function) {
  if (function == "_eq") return "equals";
  if (function == "_cn") return "contains";
  if (function == "_sw") return "starts with";
  if (function == "_ew") return "ends with";
  if (function == "_re") return "matches RegEx";
  if (function == "_css") return "matches CSS selector";
  return std::string(function);
}

std::string predicate_text(const json& predicate, const json& macros) {
  const std::string variable = variable_name(predicate.value("arg0", json()), macros);
  const json& arg1 = predicate.value("arg1", json());
  const std::string value = arg1.is_string() ? arg1.get<std::string>() : arg1.dump();
  if (variable == "Event" && value == "gtm.js") return "All Pages";
  if (variable == "Event" && value == "gtm.dom") return "DOM Ready";
  if (variable == "Event" && value == "gtm.load") return "Window Loaded";
  const bool negate = predicate.contains("negate") && predicate.at("negate") == true;
  return variable + (negate ? " does not " : " ") +
         operator_text(string_field(predicate, "function")) + " " + value;
}

}  // namespace

std::string rule_text(const json& rule, const json& predicates, const json& macros) {
  std::string text;
  for (const json& clause : rule) {
    if (!clause.is_array() || clause.empty() || clause[0] != "if") continue;
    for (std::size_t i = 1; i < clause.size() && text.size() < kMaxText; ++i) {
      if (!clause[i].is_number_unsigned() || !predicates.is_array() ||
          clause[i].get<std::size_t>() >= predicates.size() ||
          !predicates[clause[i].get<std::size_t>()].is_object()) {
        continue;
      }
      if (!text.empty()) text += " and ";
      text += predicate_text(predicates[clause[i].get<std::size_t>()], macros);
    }
  }
  if (text.size() > kMaxText) text = text.substr(0, kMaxText) + "...";
  return text.empty() ? "a rule" : text;
}

}  // namespace tagdrift::detectors
