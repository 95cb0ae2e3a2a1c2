#include "browser/network_flags.h"

#include <string_view>

#include "util/error.h"

namespace tagdrift::browser {
namespace {

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// Splits at colons outside [brackets], so that IPv6 addresses stay whole.
std::vector<std::string> fields(std::string_view flag) {
  std::vector<std::string> out(1);
  int depth = 0;
  for (const char c : flag) {
    if (c == '[') ++depth;
    if (c == ']') --depth;
    if (c == ':' && depth == 0)
      out.emplace_back();
    else
      out.back() += c;
  }
  return out;
}

bool is_port(const std::string& text) {
  if (text.empty() || text.size() > 5) return false;
  for (const char c : text)
    if (c < '0' || c > '9') return false;
  return std::stoi(text) <= 65535;
}

std::string resolve_rule(const std::string& flag) {
  const auto parts = fields(flag);
  if (parts.size() != 3 || parts[0].empty() || !is_port(parts[1]) || parts[2].empty())
    throw usage_error("--resolve wants HOST:PORT:ADDRESS: " + flag);
  return "MAP " + parts[0] + ":" + parts[1] + " " + parts[2] + ":" + parts[1];
}

std::string connect_to_rule(const std::string& flag) {
  const auto parts = fields(flag);
  if (parts.size() != 4 || (!parts[1].empty() && !is_port(parts[1])) ||
      (!parts[3].empty() && !is_port(parts[3])) || (parts[2].empty() && parts[3].empty()))
    throw usage_error("--connect-to wants HOST:PORT:CONNECT-HOST:CONNECT-PORT: " + flag);
  const std::string host = parts[0].empty() ? "*" : parts[0];
  const std::string pattern = parts[1].empty() ? host : host + ":" + parts[1];
  const std::string target_host = parts[2].empty() ? parts[0] : parts[2];
  if (target_host.empty())
    throw usage_error("--connect-to needs a host on one side for the browser: " + flag);
  return "MAP " + pattern + " " + target_host + (parts[3].empty() ? "" : ":" + parts[3]);
}

}  // namespace

std::vector<std::string> host_resolver_rules(const std::vector<std::string>& resolve,
                                             const std::vector<std::string>& connect_to) {
  std::vector<std::string> rules;
  for (const auto& flag : connect_to) rules.push_back(connect_to_rule(flag));
  for (const auto& flag : resolve) rules.push_back(resolve_rule(flag));
  return rules;
}

std::map<std::string, std::string> header_map(const std::vector<std::string>& headers) {
  std::map<std::string, std::string> out;
  for (const auto& header : headers) {
    const auto colon = header.find(':');
    const auto name = trimmed(std::string_view(header).substr(0, colon));
    if (colon == std::string::npos || name.empty())
      throw usage_error("--header wants \"Name: value\": " + header);
    out[std::string(name)] = std::string(trimmed(std::string_view(header).substr(colon + 1)));
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> cookie_pairs(
    const std::vector<std::string>& cookies) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& flag : cookies) {
    std::string_view rest = flag;
    while (!rest.empty()) {
      const auto semicolon = rest.find(';');
      const auto pair = trimmed(rest.substr(0, semicolon));
      rest = semicolon == std::string_view::npos ? std::string_view() : rest.substr(semicolon + 1);
      if (pair.empty()) continue;
      const auto equals = pair.find('=');
      if (equals == std::string_view::npos || equals == 0)
        throw usage_error("--cookie wants name=value: " + flag);
      out.emplace_back(std::string(trimmed(pair.substr(0, equals))),
                       std::string(trimmed(pair.substr(equals + 1))));
    }
  }
  return out;
}

}  // namespace tagdrift::browser
