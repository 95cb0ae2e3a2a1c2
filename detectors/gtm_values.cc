#include "detectors/gtm_values.h"

#include <algorithm>
#include <string>
#include <utility>

namespace tagdrift::detectors {
namespace {

using nlohmann::json;

// What stands in the text for a part that only exists at run time: template syntax, which
// canonical_id() reads as a placeholder ("no ID visible").
constexpr std::string_view kRuntimePart = "{{variable}}";

std::string scalar_text(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number_integer()) return std::to_string(value.get<long long>());
  if (value.is_number_unsigned()) return std::to_string(value.get<unsigned long long>());
  if (value.is_number_float()) return value.dump();
  return {};
}

// The field `key` of a GTM ["map", key, value, ...] list, or null.
const json* map_entry(const json& map, std::string_view key) {
  if (!map.is_array() || map.empty() || map[0] != "map") return nullptr;
  for (std::size_t i = 1; i + 1 < map.size(); i += 2) {
    if (map[i].is_string() && map[i].get_ref<const std::string&>() == key) return &map[i + 1];
  }
  return nullptr;
}

const json* object_field(const json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  auto found = object.find(key);
  return found == object.end() ? nullptr : &*found;
}

}  // namespace

GtmResolver::GtmResolver(const json& macros, const GtmLimits& limits)
    : macros_(macros), limits_(limits) {}

void GtmResolver::merge(GtmResolution& into, GtmResolution from, std::string_view through) const {
  into.opaque = into.opaque || from.opaque;
  for (std::size_t settings : from.settings) {
    if (std::find(into.settings.begin(), into.settings.end(), settings) == into.settings.end()) {
      into.settings.push_back(settings);
    }
  }
  for (GtmValue& value : from.values) {
    if (into.values.size() >= limits_.max_values) return;
    auto same = [&](const GtmValue& v) { return v.text == value.text; };
    if (std::any_of(into.values.begin(), into.values.end(), same)) continue;
    if (!through.empty()) {
      value.resolved = value.resolved == "literal" ? std::string(through)
                                                   : std::string(through) + " > " + value.resolved;
    }
    into.values.push_back(std::move(value));
  }
}

bool GtmResolver::spend(std::size_t bytes) {
  text_bytes_ += bytes;
  return text_bytes_ <= limits_.max_text_bytes;
}

GtmResolution GtmResolver::resolve(const json& value) {
  GtmResolution out;
  if (value.is_string() || value.is_number()) {
    out.values.push_back({scalar_text(value), "literal"});
    return out;
  }
  if (!value.is_array() || value.empty() || !value[0].is_string()) return out;
  const std::string& kind = value[0].get_ref<const std::string&>();
  if (kind == "macro" && value.size() >= 2 && value[1].is_number_unsigned()) {
    return resolve_macro(value[1].get<std::size_t>());
  }
  if (kind == "template") return resolve_template(value);
  if (kind == "escape" && value.size() >= 2) return resolve(value[1]);
  if (kind == "list") {
    for (std::size_t i = 1; i < value.size(); ++i) merge(out, resolve(value[i]), "");
    return out;
  }
  if (kind == "map") {
    for (std::size_t i = 2; i < value.size(); i += 2) merge(out, resolve(value[i]), "");
    return out;
  }
  if (kind != "tag") out.opaque = true;  // a form of value this reader does not know
  return out;
}

GtmResolution GtmResolver::resolve_template(const json& parts) {
  GtmResolution out;
  out.values.push_back({"", "literal"});
  for (std::size_t i = 1; i < parts.size(); ++i) {
    GtmResolution part = resolve(parts[i]);
    out.settings.insert(out.settings.end(), part.settings.begin(), part.settings.end());
    if (part.values.empty() || part.opaque) part.values.push_back({std::string(kRuntimePart), ""});
    std::vector<GtmValue> joined;
    for (const GtmValue& head : out.values) {
      for (const GtmValue& tail : part.values) {
        if (joined.size() >= limits_.max_values) break;
        // Text that only grows with every part could cost its length again for each one.
        if (!spend(head.text.size() + tail.text.size())) {
          GtmResolution spent;
          spent.opaque = true;
          return spent;
        }
        std::string how = head.resolved;
        if (!tail.resolved.empty() && tail.resolved != "literal") {
          how = how == "literal" ? tail.resolved : how + ", " + tail.resolved;
        }
        joined.push_back({head.text + tail.text, how});
      }
    }
    out.values = std::move(joined);
  }
  return out;
}

GtmResolution GtmResolver::resolve_macro(std::size_t index) {
  GtmResolution out;
  if (!macros_.is_array() || index >= macros_.size()) {
    out.opaque = true;
    return out;
  }
  if (auto done = done_.find(index); done != done_.end()) {
    std::size_t bytes = 0;
    for (const GtmValue& value : done->second.values) bytes += value.text.size();
    if (spend(bytes)) return done->second;
    out.opaque = true;
    return out;
  }
  // A variable that reaches itself, a chain past the limit, or a container past its budget of
  // look-ups has no value that can be read statically.
  if (in_progress_[index] || chain_ >= limits_.max_chain || ++steps_ > limits_.max_steps) {
    out.opaque = true;
    return out;
  }
  in_progress_[index] = true;
  ++chain_;
  out = resolve_kind(macros_[index], index);
  --chain_;
  in_progress_[index] = false;
  done_[index] = out;
  return out;
}

GtmResolution GtmResolver::resolve_kind(const json& macro, std::size_t index) {
  GtmResolution out;
  const json* function = object_field(macro, "function");
  const std::string kind = function && function->is_string() ? function->get<std::string>() : "";
  if (kind == "__c") {
    if (const json* value = object_field(macro, "vtp_value")) {
      merge(out, resolve(*value), "constant (macro " + std::to_string(index) + ")");
    }
    return out;
  }
  if (kind == "__smm") return resolve_table(macro, index, false);
  if (kind == "__remm") return resolve_table(macro, index, true);
  if (kind == "__gas") {
    out.settings.push_back(index);
    return out;
  }
  out.opaque = true;  // dataLayer, cookie, URL, custom JavaScript, ...: known at run time only
  return out;
}

GtmResolution GtmResolver::resolve_table(const json& macro, std::size_t index, bool regex) {
  GtmResolution out;
  const std::string name =
      std::string(regex ? "regex table" : "lookup") + " (macro " + std::to_string(index) + ", ";
  const json* rows = object_field(macro, "vtp_map");
  if (rows && rows->is_array() && !rows->empty() && (*rows)[0] == "list") {
    for (std::size_t i = 1; i < rows->size(); ++i) {
      const json* key = map_entry((*rows)[i], "key");
      const json* value = map_entry((*rows)[i], "value");
      if (value == nullptr) continue;
      std::string condition = key ? scalar_text(*key) : "";
      merge(out, resolve(*value), name + (regex ? "pattern \"" : "key \"") + condition + "\")");
    }
  }
  const json* with_default = object_field(macro, "vtp_setDefaultValue");
  const json* fallback = object_field(macro, "vtp_defaultValue");
  if (with_default && *with_default == true && fallback) {
    merge(out, resolve(*fallback), name + "default)");
  }
  return out;
}

std::vector<GtmField> GtmResolver::settings_fields(std::size_t index) {
  std::vector<GtmField> fields;
  if (!macros_.is_array() || index >= macros_.size() || !macros_[index].is_object()) {
    return fields;
  }
  const std::string through = "settings (macro " + std::to_string(index) + ")";
  for (const auto& [name, value] : macros_[index].items()) {
    if (!name.starts_with("vtp_")) continue;
    GtmResolution resolution;
    merge(resolution, resolve(value), through);
    fields.push_back({name, std::move(resolution.values), resolution.opaque});
  }
  return fields;
}

}  // namespace tagdrift::detectors
