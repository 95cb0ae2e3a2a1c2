#include "browser/visit_json.h"

namespace tagdrift::browser {
namespace {

using Json = nlohmann::json;

template <typename T>
T field(const Json& json, const char* key, T fallback = {}) {
  const auto found = json.find(key);
  if (found == json.end()) return fallback;
  try {
    return found->get<T>();
  } catch (const Json::exception&) {
    return fallback;
  }
}

Json request_json(const ObservedRequest& r) {
  return {{"url", r.url},
          {"method", r.method},
          {"resource_type", r.resource_type},
          {"post_data", r.post_data},
          {"post_data_truncated", r.post_data_truncated},
          {"blocked", r.blocked},
          {"initiator",
           {{"type", r.initiator.type}, {"url", r.initiator.url}, {"stack", r.initiator.stack}}}};
}

ObservedRequest request_from(const Json& j) {
  ObservedRequest r;
  r.url = field<std::string>(j, "url");
  r.method = field<std::string>(j, "method");
  r.resource_type = field<std::string>(j, "resource_type");
  r.post_data = field<std::string>(j, "post_data");
  r.post_data_truncated = field<bool>(j, "post_data_truncated");
  r.blocked = field<bool>(j, "blocked");
  const auto initiator = field<Json>(j, "initiator", Json::object());
  r.initiator.type = field<std::string>(initiator, "type");
  r.initiator.url = field<std::string>(initiator, "url");
  r.initiator.stack = field<std::vector<std::string>>(initiator, "stack");
  return r;
}

Json cookie_json(const ObservedCookie& c) {
  return {{"name", c.name},       {"domain", c.domain},      {"path", c.path},
          {"session", c.session}, {"expires", c.expires},    {"third_party", c.third_party},
          {"secure", c.secure},   {"http_only", c.http_only}};
}

ObservedCookie cookie_from(const Json& j) {
  ObservedCookie c;
  c.name = field<std::string>(j, "name");
  c.domain = field<std::string>(j, "domain");
  c.path = field<std::string>(j, "path");
  c.session = field<bool>(j, "session", true);
  c.expires = field<double>(j, "expires");
  c.third_party = field<bool>(j, "third_party");
  c.secure = field<bool>(j, "secure");
  c.http_only = field<bool>(j, "http_only");
  return c;
}

template <typename T, typename F>
Json array_of(const std::vector<T>& items, F convert) {
  Json out = Json::array();
  for (const auto& item : items) out.push_back(convert(item));
  return out;
}

template <typename T, typename F>
std::vector<T> list_from(const Json& json, const char* key, F convert) {
  std::vector<T> out;
  const auto found = json.find(key);
  if (found == json.end() || !found->is_array()) return out;
  for (const auto& item : *found)
    if (item.is_object()) out.push_back(convert(item));
  return out;
}

}  // namespace

nlohmann::json visit_to_json(const VisitResult& visit) {
  Json dialogs = Json::array();
  for (const auto& d : visit.dialogs) dialogs.push_back({{"type", d.type}, {"message", d.message}});
  return {{"url", visit.url},
          {"final_url", visit.final_url},
          {"error", visit.error},
          {"loaded", visit.loaded},
          {"quiet", visit.quiet},
          {"requests", array_of(visit.requests, request_json)},
          {"requests_dropped", visit.requests_dropped},
          {"cookies", array_of(visit.cookies, cookie_json)},
          {"console_errors", visit.console_errors},
          {"dialogs", dialogs},
          {"popups", visit.popups},
          {"downloads", visit.downloads},
          {"seconds", visit.seconds}};
}

VisitResult visit_from_json(const nlohmann::json& json) {
  VisitResult visit;
  if (!json.is_object()) return visit;
  visit.url = field<std::string>(json, "url");
  visit.final_url = field<std::string>(json, "final_url");
  visit.error = field<std::string>(json, "error");
  visit.loaded = field<bool>(json, "loaded");
  visit.quiet = field<bool>(json, "quiet");
  visit.requests = list_from<ObservedRequest>(json, "requests", request_from);
  visit.requests_dropped = field<std::size_t>(json, "requests_dropped");
  visit.cookies = list_from<ObservedCookie>(json, "cookies", cookie_from);
  visit.console_errors = field<std::vector<std::string>>(json, "console_errors");
  visit.dialogs = list_from<Dialog>(json, "dialogs", [](const Json& d) {
    return Dialog{field<std::string>(d, "type"), field<std::string>(d, "message")};
  });
  visit.popups = field<std::vector<std::string>>(json, "popups");
  visit.downloads = field<std::vector<std::string>>(json, "downloads");
  visit.seconds = field<double>(json, "seconds");
  return visit;
}

}  // namespace tagdrift::browser
