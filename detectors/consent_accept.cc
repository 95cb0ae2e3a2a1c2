#include "detectors/consent_accept.h"

namespace tagdrift::detectors {
namespace {

constexpr std::size_t kMaxSelectorBytes = 512;

// Brackets and quotes of a selector or call: each opened one closed in order; what is inside a
// quote is not counted. Returns "" or what is wrong.
std::string balance_problem(std::string_view text) {
  std::string open;
  char quote = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quote != 0) {
      if (c == '\\') ++i;
      if (c == quote) quote = 0;
      continue;
    }
    if (c == '"' || c == '\'') quote = c;
    if (c == '[' || c == '(') open += c;
    if (c == ']' || c == ')') {
      char want = c == ']' ? '[' : '(';
      if (open.empty() || open.back() != want) return std::string("unexpected '") + c + "'";
      open.pop_back();
    }
  }
  if (quote != 0) return std::string("unclosed ") + quote;
  if (!open.empty()) return std::string("unclosed '") + open.back() + "'";
  return "";
}

bool has_control(std::string_view text) {
  for (char c : text) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return true;
  }
  return false;
}

}  // namespace

std::string selector_problem(std::string_view selector) {
  if (selector.find_first_not_of(" \t") == std::string_view::npos) return "empty selector";
  if (selector.size() > kMaxSelectorBytes) return "selector longer than 512 bytes";
  if (has_control(selector)) return "control character in selector";
  if (selector.find_first_of("{};") != std::string_view::npos) {
    return "a selector, not a rule: no '{', '}' or ';'";
  }
  return balance_problem(selector);
}

std::string script_problem(std::string_view script) {
  if (script.find_first_not_of(" \t") == std::string_view::npos) return "empty script";
  if (has_control(script)) return "control character in script";
  std::string balance = balance_problem(script);
  if (!balance.empty()) return balance;
  if (script.find(';') != std::string_view::npos || script.find("</") != std::string_view::npos) {
    return "one call, no ';' or '</'";
  }
  if (script.back() != ')') return "a call: name(arguments)";
  return "";
}

std::vector<std::string> check_consent_accept(const ConsentAccept& accept) {
  std::vector<std::string> problems;
  auto add = [&](const std::string& what, std::string_view text, const std::string& why) {
    problems.push_back(accept.file + ":" + std::to_string(accept.line) + ": accept '" +
                       accept.vendor + "': " + what + " '" + std::string(text) + "': " + why);
  };
  for (const std::string& selector : accept.selectors) {
    if (std::string why = selector_problem(selector); !why.empty()) add("selector", selector, why);
  }
  if (!accept.shadow_host.empty()) {
    if (std::string why = selector_problem(accept.shadow_host); !why.empty()) {
      add("shadow_host", accept.shadow_host, why);
    }
  }
  if (!accept.script.empty()) {
    if (std::string why = script_problem(accept.script); !why.empty()) {
      add("script", accept.script, why);
    }
  }
  return problems;
}

}  // namespace tagdrift::detectors
