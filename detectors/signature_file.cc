#include "detectors/signature_file.h"

#include <re2/re2.h>
#include <toml++/toml.h>

#include <algorithm>
#include <initializer_list>
#include <optional>

namespace tagdrift::detectors {
namespace {

// Where messages point and where they go.
struct Reporter {
  std::string_view file;
  std::vector<std::string>& errors;
  std::string signature_id;  // empty outside a [[signature]]

  void add(const toml::node& at, const std::string& message) {
    std::string line = std::string(file) + ":" + std::to_string(at.source().begin.line) + ": ";
    if (!signature_id.empty()) line += "signature '" + signature_id + "': ";
    errors.push_back(line + message);
  }
};

bool known_keys(const toml::table& table, std::initializer_list<std::string_view> keys,
                Reporter& reporter) {
  bool ok = true;
  for (const auto& [key, node] : table) {
    if (std::find(keys.begin(), keys.end(), key.str()) == keys.end()) {
      reporter.add(node, "unknown key '" + std::string(key.str()) + "'");
      ok = false;
    }
  }
  return ok;
}

// A string array, or a single string taken as a one-element array.
std::optional<std::vector<std::string>> string_list(const toml::table& table, std::string_view key,
                                                    Reporter& reporter) {
  std::vector<std::string> out;
  const toml::node* node = table.get(key);
  if (node == nullptr) return out;
  if (auto single = node->value<std::string>()) return std::vector<std::string>{*single};
  const toml::array* array = node->as_array();
  if (array == nullptr) {
    reporter.add(*node, "'" + std::string(key) + "' must be a string or a list of strings");
    return std::nullopt;
  }
  for (const toml::node& item : *array) {
    auto text = item.value<std::string>();
    if (!text) {
      reporter.add(item, "'" + std::string(key) + "' must list strings");
      return std::nullopt;
    }
    out.push_back(*text);
  }
  return out;
}

std::optional<std::vector<PlaceKind>> place_list(const toml::table& table, std::string_view key,
                                                 Reporter& reporter) {
  auto names = string_list(table, key, reporter);
  if (!names) return std::nullopt;
  std::vector<PlaceKind> kinds;
  for (const std::string& name : *names) {
    std::vector<PlaceKind> some = parse_place_names(name);
    if (some.empty()) {
      reporter.add(*table.get(key), "unknown place '" + name + "'");
      return std::nullopt;
    }
    kinds.insert(kinds.end(), some.begin(), some.end());
  }
  return kinds;
}

std::optional<Pattern> parse_pattern(const toml::table& table, Reporter& reporter) {
  if (!known_keys(table, {"places", "regex", "weak", "id_required", "id_must_match", "loader"},
                  reporter)) {
    return std::nullopt;
  }
  Pattern pattern;
  pattern.line = table.source().begin.line;
  auto regex = table["regex"].value<std::string>();
  auto places = place_list(table, "places", reporter);
  if (!regex || regex->empty()) {
    reporter.add(table, "pattern: missing 'regex'");
    return std::nullopt;
  }
  if (!places) return std::nullopt;
  if (std::find(places->begin(), places->end(), PlaceKind::kNetwork) != places->end()) {
    reporter.add(table, "pattern '" + *regex + "': place 'network' takes [[signature.network]]");
    return std::nullopt;
  }
  if (places->empty()) {
    reporter.add(table, "pattern '" + *regex + "': missing 'places'");
    return std::nullopt;
  }
  pattern.regex = *regex;
  pattern.places = *places;
  pattern.weak = table["weak"].value_or(false);
  pattern.id_required = table["id_required"].value_or(false);
  pattern.id_must_match = table["id_must_match"].value_or(false);
  pattern.loader = table["loader"].value_or(std::string());
  if (table.contains("loader") && pattern.loader.empty()) {
    reporter.add(table, "pattern '" + *regex + "': 'loader' is a non-empty regex");
    return std::nullopt;
  }
  return pattern;
}

bool valid_regex(const toml::table& table, const std::string& regex, Reporter& reporter) {
  RE2::Options options;
  options.set_log_errors(false);
  RE2 compiled(regex, options);
  if (compiled.ok()) return true;
  reporter.add(table, "container: '" + regex + "': " + compiled.error());
  return false;
}

std::optional<ContainerTemplate> parse_container(const toml::table& table, Reporter& reporter) {
  if (!known_keys(table,
                  {"template", "community", "id_fields", "event_fields", "enhanced_match_fields",
                   "id_rewrite"},
                  reporter)) {
    return std::nullopt;
  }
  ContainerTemplate container;
  container.line = table.source().begin.line;
  container.template_name = table["template"].value_or(std::string());
  container.community = table["community"].value_or(std::string());
  if (container.template_name.empty() == container.community.empty()) {
    reporter.add(table, "container: needs either 'template' or 'community'");
    return std::nullopt;
  }
  auto ids = string_list(table, "id_fields", reporter);
  auto events = string_list(table, "event_fields", reporter);
  auto fields = string_list(table, "enhanced_match_fields", reporter);
  auto rewrite = string_list(table, "id_rewrite", reporter);
  if (!ids || !events || !fields || !rewrite) return std::nullopt;
  if (!rewrite->empty() && rewrite->size() != 2) {
    reporter.add(table, "container: 'id_rewrite' is [regex, replacement]");
    return std::nullopt;
  }
  container.id_fields = *ids;
  container.event_fields = *events;
  container.enhanced_match_fields = *fields;
  if (!rewrite->empty()) {
    container.id_rewrite = (*rewrite)[0];
    container.id_rewrite_to = (*rewrite)[1];
  }
  if (!container.community.empty() && !valid_regex(table, container.community, reporter)) {
    return std::nullopt;
  }
  if (!container.id_rewrite.empty() && !valid_regex(table, container.id_rewrite, reporter)) {
    return std::nullopt;
  }
  return container;
}

std::optional<NetworkPattern> parse_network(const toml::table& table, Reporter& reporter) {
  if (!known_keys(table, {"hosts", "path", "id_params", "event_params", "enhanced_match"},
                  reporter)) {
    return std::nullopt;
  }
  NetworkPattern network;
  network.line = table.source().begin.line;
  network.path = table["path"].value_or(std::string());
  auto hosts = string_list(table, "hosts", reporter);
  auto ids = string_list(table, "id_params", reporter);
  auto events = string_list(table, "event_params", reporter);
  auto fields = string_list(table, "enhanced_match", reporter);
  if (!hosts || !ids || !events || !fields) return std::nullopt;
  if (hosts->empty()) {
    reporter.add(table, "network: missing 'hosts'");
    return std::nullopt;
  }
  network.hosts = *hosts;
  network.id_params = *ids;
  network.event_params = *events;
  network.enhanced_match = *fields;
  return network;
}

// The request of a place = "network" example; those keys make no sense elsewhere.
bool parse_example_request(const toml::table& table, Example& example, Reporter& reporter) {
  example.method = table["method"].value_or(std::string());
  example.body = table["body"].value_or(std::string());
  example.content_type = table["content_type"].value_or(std::string());
  bool has_request =
      !example.method.empty() || !example.body.empty() || !example.content_type.empty();
  if (has_request && example.place != PlaceKind::kNetwork) {
    reporter.add(table, "'method', 'body' and 'content_type' are for place \"network\" only");
    return false;
  }
  return true;
}

std::optional<Example> parse_example(const toml::table& table, Reporter& reporter) {
  if (!known_keys(table,
                  {"place", "text", "match", "id", "events", "enhanced_match", "permissions",
                   "method", "body", "content_type"},
                  reporter)) {
    return std::nullopt;
  }
  Example example;
  example.line = table.source().begin.line;
  auto place = table["place"].value<std::string>();
  auto text = table["text"].value<std::string>();
  example.container_tag = place && *place == "gtm-tag";
  std::vector<PlaceKind> kinds = place ? parse_place_names(*place) : std::vector<PlaceKind>{};
  if (example.container_tag) kinds = {PlaceKind::kExternalJs};
  if (kinds.size() != 1 || !text) {
    reporter.add(table, "example needs one 'place' and a 'text'");
    return std::nullopt;
  }
  example.permissions = table["permissions"].value_or(std::string());
  example.place = kinds.front();
  example.text = *text;
  example.match = table["match"].value_or(true);
  if (auto id = table["id"].value<std::string>()) example.id = *id;
  auto events = string_list(table, "events", reporter);
  auto fields = string_list(table, "enhanced_match", reporter);
  if (!events || !fields) return std::nullopt;
  example.events = *events;
  example.enhanced_match = *fields;
  if (!parse_example_request(table, example, reporter)) return std::nullopt;
  return example;
}

// Fills `out` from the [[...]] array `key` of `table`, one parse per table; false on any error.
template <typename T, typename Parse>
bool table_list(const toml::table& table, std::string_view key, Reporter& reporter,
                std::vector<T>& out, Parse parse) {
  const toml::node* node = table.get(key);
  if (node == nullptr) return true;
  const toml::array* array = node->as_array();
  if (array == nullptr || !array->is_array_of_tables()) {
    reporter.add(*node, "'" + std::string(key) + "' must be an array of tables [[...]]");
    return false;
  }
  bool ok = true;
  for (const toml::node& item : *array) {
    auto value = parse(*item.as_table(), reporter);
    if (value) {
      out.push_back(std::move(*value));
    } else {
      ok = false;
    }
  }
  return ok;
}

// Values a [[signature]] inherits from the top of its file.
struct FileDefaults {
  std::optional<std::string> vendor, product, category;
  std::vector<std::string> hosts;
};

bool parse_signature_lists(const toml::table& table, Signature& sig, Reporter& reporter) {
  auto hosts = string_list(table, "hosts", reporter);
  auto events = string_list(table, "events", reporter);
  auto fields = string_list(table, "enhanced_match", reporter);
  auto objects = string_list(table, "enhanced_match_objects", reporter);
  if (!hosts || !events || !fields || !objects) return false;
  sig.hosts.insert(sig.hosts.end(), hosts->begin(), hosts->end());
  sig.events = *events;
  sig.enhanced_match = *fields;
  sig.enhanced_match_objects = *objects;
  bool ok = table_list(table, "pattern", reporter, sig.patterns, parse_pattern);
  ok = table_list(table, "container", reporter, sig.containers, parse_container) && ok;
  ok = table_list(table, "network", reporter, sig.network, parse_network) && ok;
  ok = table_list(table, "example", reporter, sig.examples, parse_example) && ok;
  if (ok && sig.patterns.empty() && sig.network.empty()) {
    reporter.add(table, "no [[signature.pattern]] or [[signature.network]]");
    return false;
  }
  return ok;
}

std::optional<Signature> parse_signature(const toml::table& table, const FileDefaults& defaults,
                                         Reporter& reporter) {
  Signature sig;
  sig.file = std::string(reporter.file);
  sig.line = table.source().begin.line;
  sig.id = table["id"].value_or(std::string());
  reporter.signature_id = sig.id;
  if (!known_keys(table,
                  {"id", "vendor", "product", "category", "hosts", "id_format", "id_prefix",
                   "id_upper", "follow", "follow_url", "pattern", "events", "enhanced_match",
                   "enhanced_match_objects", "container", "network", "example"},
                  reporter)) {
    return std::nullopt;
  }
  sig.vendor = table["vendor"].value<std::string>().value_or(defaults.vendor.value_or(""));
  sig.product = table["product"].value<std::string>().value_or(defaults.product.value_or(""));
  std::string category =
      table["category"].value<std::string>().value_or(defaults.category.value_or(""));
  for (auto [field, value] :
       {std::pair{"id", &sig.id}, std::pair{"vendor", &sig.vendor},
        std::pair{"product", &sig.product}, std::pair{"category", &category}}) {
    if (value->empty()) {
      reporter.add(table, std::string("missing '") + field + "'");
      return std::nullopt;
    }
  }
  auto parsed_category = parse_category(category);
  if (!parsed_category) {
    reporter.add(table, "unknown category '" + category + "'");
    return std::nullopt;
  }
  sig.category = *parsed_category;
  sig.id_format = table["id_format"].value_or(std::string());
  sig.id_prefix = table["id_prefix"].value_or(std::string());
  sig.id_upper = table["id_upper"].value_or(false);
  sig.follow = table["follow"].value_or(false);
  sig.follow_url = table["follow_url"].value_or(std::string());
  sig.hosts = defaults.hosts;
  if (!parse_signature_lists(table, sig, reporter)) return std::nullopt;
  return sig;
}

std::optional<AllowedHosts> parse_allowed(const toml::table& table, Reporter& reporter) {
  if (!known_keys(table, {"key", "hosts"}, reporter)) return std::nullopt;
  AllowedHosts allowed;
  allowed.key = table["key"].value_or(std::string());
  auto hosts = string_list(table, "hosts", reporter);
  if (allowed.key.empty() || !hosts || hosts->empty()) {
    reporter.add(table, "[[allowed]] needs a 'key' and 'hosts'");
    return std::nullopt;
  }
  allowed.hosts = *hosts;
  return allowed;
}

// [[accept]] belongs to the file's vendor, which must be a consent manager.
std::optional<ConsentAccept> parse_accept(const toml::table& table, const FileDefaults& defaults,
                                          Reporter& reporter) {
  if (!known_keys(table, {"selectors", "shadow_host", "script"}, reporter)) return std::nullopt;
  ConsentAccept accept;
  accept.file = std::string(reporter.file);
  accept.line = table.source().begin.line;
  accept.vendor = defaults.vendor.value_or("");
  if (accept.vendor.empty() || defaults.category.value_or("") != "consent") {
    reporter.add(table, "[[accept]] needs the file's 'vendor' and category = \"consent\"");
    return std::nullopt;
  }
  auto selectors = string_list(table, "selectors", reporter);
  if (!selectors) return std::nullopt;
  accept.selectors = *selectors;
  accept.shadow_host = table["shadow_host"].value_or(std::string());
  accept.script = table["script"].value_or(std::string());
  if (accept.selectors.empty() && accept.script.empty()) {
    reporter.add(table, "[[accept]] needs 'selectors' or a 'script'");
    return std::nullopt;
  }
  return accept;
}

void parse_document(const toml::table& root, SignatureFile& file, Reporter& reporter) {
  if (!known_keys(root,
                  {"vendor", "product", "category", "hosts", "signature", "allowed", "accept"},
                  reporter)) {
    return;
  }
  FileDefaults defaults;
  defaults.vendor = root["vendor"].value<std::string>();
  defaults.product = root["product"].value<std::string>();
  defaults.category = root["category"].value<std::string>();
  if (auto hosts = string_list(root, "hosts", reporter)) defaults.hosts = *hosts;
  table_list(root, "signature", reporter, file.signatures,
             [&](const toml::table& table, Reporter& r) {
               auto sig = parse_signature(table, defaults, r);
               r.signature_id.clear();
               return sig;
             });
  table_list(root, "allowed", reporter, file.allowed, parse_allowed);
  table_list(root, "accept", reporter, file.accepts, [&](const toml::table& table, Reporter& r) {
    return parse_accept(table, defaults, r);
  });
}

}  // namespace

SignatureFile parse_signature_file(std::string_view name, std::string_view text,
                                   std::vector<std::string>& errors) {
  SignatureFile file;
  file.name = std::string(name);
  Reporter reporter{name, errors, {}};
  try {
    toml::table root = toml::parse(text, name);
    parse_document(root, file, reporter);
  } catch (const toml::parse_error& error) {
    errors.push_back(std::string(name) + ":" + std::to_string(error.source().begin.line) + ": " +
                     std::string(error.description()));
  }
  return file;
}

}  // namespace tagdrift::detectors
