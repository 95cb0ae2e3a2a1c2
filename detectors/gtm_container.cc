#include "detectors/gtm_container.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>

#include "detectors/gtm_firing.h"
#include "detectors/gtm_values.h"
#include "util/ascii.h"

namespace tagdrift::detectors {
namespace {

using nlohmann::json;

// The end (one past the closing brace) of the JSON object opening at `open`, by counting
// brackets outside strings; nothing when it does not close or nests deeper than `max_depth`.
std::optional<std::size_t> object_end(std::string_view text, std::size_t open,
                                      std::size_t max_depth) {
  std::size_t depth = 0;
  bool in_string = false;
  for (std::size_t i = open; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      if (++depth > max_depth) return std::nullopt;
    } else if (c == '}' || c == ']') {
      if (depth == 0 || --depth == 0) return i + 1;
    }
  }
  return std::nullopt;
}

// The object that holds "resource" (`var data = {"resource": {...}, ...}`), or an error.
std::string_view data_object(std::string_view text, const GtmLimits& limits, std::string& error) {
  std::size_t key = text.find("\"resource\"");
  std::size_t open =
      key == std::string_view::npos ? key : text.find_last_not_of(" \t\r\n", key - 1);
  if (key == std::string_view::npos || key == 0 || open == std::string_view::npos ||
      text[open] != '{') {
    error = "no container resource";
    return {};
  }
  auto end = object_end(text, open, limits.max_depth);
  if (!end) {
    error =
        "container resource truncated or nested deeper than " + std::to_string(limits.max_depth);
    return {};
  }
  return text.substr(open, *end - open);
}

const json& member(const json& object, const char* key) {
  static const json kNull;
  if (!object.is_object()) return kNull;
  auto found = object.find(key);
  return found == object.end() ? kNull : *found;
}

std::string function_of(const json& item) {
  const json& function = member(item, "function");
  return function.is_string() ? function.get<std::string>() : "";
}

// Which tags a rule fires (`add`), and which tags a live tag brings along (setup, teardown).
std::vector<std::string> live_tags(const json& resource) {
  const json& tags = member(resource, "tags");
  std::vector<std::string> firing(tags.size());
  std::vector<std::size_t> work;
  auto make_live = [&](const json& index, const std::string& why) {
    if (!index.is_number_unsigned()) return;
    std::size_t at = index.get<std::size_t>();
    if (at >= tags.size() || !firing[at].empty()) return;
    firing[at] = why.empty() ? "fired" : why;
    work.push_back(at);
  };
  const json& rules = member(resource, "rules");
  const json& predicates = member(resource, "predicates");
  const json& macros = member(resource, "macros");
  for (const json& rule : rules.is_array() ? rules : json::array()) {
    if (!rule.is_array()) continue;
    for (const json& clause : rule) {
      if (!clause.is_array() || clause.empty() || clause[0] != "add") continue;
      std::string why = rule_text(rule, predicates, macros);
      for (std::size_t i = 1; i < clause.size(); ++i) make_live(clause[i], why);
    }
  }
  while (!work.empty()) {
    const json& tag = tags[work.back()];
    work.pop_back();
    const std::string why = "with tag " + member(tag, "tag_id").dump();
    for (const char* key : {"setup_tags", "teardown_tags"}) {
      const json& list = member(tag, key);
      if (!list.is_array()) continue;
      for (const json& ref : list) {
        if (ref.is_array() && ref.size() >= 2 && ref[0] == "tag") make_live(ref[1], why);
      }
    }
  }
  return firing;
}

// The columns of a field written as a table (["list", ["map", "publicId", "G-1"], ...]) as
// fields of their own, "vtp_childContainers.publicId", so a signature can name one column.
void add_columns(const std::string& name, const json& value, GtmResolver& resolver,
                 std::size_t max_values, std::vector<GtmField>& fields) {
  if (!value.is_array() || value.empty() || value[0] != "list") return;
  const std::size_t first = fields.size();
  for (std::size_t row = 1; row < value.size(); ++row) {
    const json& map = value[row];
    if (!map.is_array() || map.empty() || map[0] != "map") continue;
    for (std::size_t i = 1; i + 1 < map.size(); i += 2) {
      if (!map[i].is_string()) continue;
      const std::string column = name + "." + map[i].get<std::string>();
      auto same = [&](const GtmField& f) { return f.name == column; };
      auto found =
          std::find_if(fields.begin() + static_cast<std::ptrdiff_t>(first), fields.end(), same);
      if (found == fields.end()) found = fields.insert(fields.end(), GtmField{column, {}, false});
      GtmResolution cell = resolver.resolve(map[i + 1]);
      found->opaque = found->opaque || cell.opaque;
      for (GtmValue& v : cell.values) {
        auto same_text = [&](const GtmValue& kept) { return kept.text == v.text; };
        if (found->values.size() >= max_values ||
            std::any_of(found->values.begin(), found->values.end(), same_text)) {
          continue;
        }
        found->values.push_back(std::move(v));
      }
    }
  }
}

GtmTag decode_tag(const json& tag, std::string firing, GtmResolver& resolver,
                  const GtmLimits& limits) {
  GtmTag out;
  out.template_name = function_of(tag);
  out.firing = std::move(firing);
  const json& id = member(tag, "tag_id");
  if (id.is_number_integer()) out.tag_id = id.get<int>();
  std::vector<std::size_t> settings;
  for (const auto& [name, value] : tag.items()) {
    if (!name.starts_with("vtp_")) continue;
    GtmResolution resolution = resolver.resolve(value);
    settings.insert(settings.end(), resolution.settings.begin(), resolution.settings.end());
    out.fields.push_back({name, std::move(resolution.values), resolution.opaque});
    add_columns(name, value, resolver, limits.max_values, out.fields);
  }
  // A settings variable lends its fields to the tag; a field the tag sets itself wins.
  for (std::size_t index : settings) {
    for (GtmField& field : resolver.settings_fields(index)) {
      auto same = [&](const GtmField& f) { return f.name == field.name; };
      if (std::none_of(out.fields.begin(), out.fields.end(), same)) {
        out.fields.push_back(std::move(field));
      }
    }
  }
  return out;
}

void decode_resource(const json& data, const GtmLimits& limits, GtmContainer& out) {
  const json& resource = member(data, "resource");
  const json& macros = member(resource, "macros");
  const json& tags = member(resource, "tags");
  if (!tags.is_array() || !(macros.is_array() || macros.is_null())) {
    out.error = "container resource has no tag list";
    return;
  }
  if (macros.size() > limits.max_macros || tags.size() > limits.max_tags) {
    out.error = "container over its limits (" + std::to_string(macros.size()) + " variables, " +
                std::to_string(tags.size()) + " tags)";
    return;
  }
  const json& version = member(resource, "version");
  out.version = version.is_string() ? version.get<std::string>() : "";
  std::vector<std::string> firing = live_tags(resource);
  GtmResolver resolver(macros, limits);
  for (std::size_t i = 0; i < tags.size(); ++i) {
    if (firing[i].empty() || !tags[i].is_object() || function_of(tags[i]) == "__paused") continue;
    out.tags.push_back(decode_tag(tags[i], firing[i], resolver, limits));
  }
  const json& permissions = member(data, "permissions");
  if (!permissions.is_object()) return;
  for (const auto& [name, granted] : permissions.items()) {
    if (name.starts_with("__cvt_")) out.templates[name] = granted.dump();
  }
}

}  // namespace

namespace {

// The lower-cased value of the first id= parameter of `url` when its path ends with `path`;
// nothing when the path differs or there is no id= parameter.
std::optional<std::string> id_param(std::string_view url, std::string_view path) {
  const std::string lower = ascii_lowercase(url);
  const std::size_t query = lower.find('?');
  if (query == std::string::npos || !lower.substr(0, query).ends_with(path)) return std::nullopt;
  for (std::size_t at = lower.find("id=", query); at != std::string::npos;
       at = lower.find("id=", at + 3)) {
    if (lower[at - 1] != '?' && lower[at - 1] != '&') continue;
    const std::size_t end = lower.find_first_of("&#", at);
    return lower.substr(at + 3, end == std::string::npos ? std::string::npos : end - at - 3);
  }
  return std::nullopt;
}

}  // namespace

bool is_gtm_container_url(std::string_view url) {
  auto id = id_param(url, "/gtm.js");
  return id && id->starts_with("gtm-");
}

bool is_google_tag_url(std::string_view url) {
  auto id = id_param(url, "/gtag/js");
  return id && !id->empty();
}

bool is_decoded_container_url(std::string_view url) {
  return is_gtm_container_url(url) || is_google_tag_url(url);
}

GtmContainer decode_gtm_container(std::string_view text, const GtmLimits& limits) {
  GtmContainer out;
  if (text.size() > limits.max_bytes) {
    out.error = "container larger than " + std::to_string(limits.max_bytes) + " bytes";
    return out;
  }
  std::string_view object = data_object(text, limits, out.error);
  if (!out.error.empty()) return out;
  json data = json::parse(object, nullptr, /*allow_exceptions=*/false);
  if (data.is_discarded()) {
    out.error = "container resource is not JSON";
    return out;
  }
  try {
    decode_resource(data, limits, out);
  } catch (const json::exception& e) {
    out.error = std::string("container resource malformed: ") + e.what();
  }
  if (!out.error.empty()) {
    out.tags.clear();
    out.templates.clear();
  }
  return out;
}

}  // namespace tagdrift::detectors
