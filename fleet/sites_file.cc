#include "fleet/sites_file.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <re2/re2.h>
#include <toml++/toml.h>

#include <fstream>
#include <map>
#include <sstream>

#include "crawler/url.h"
#include "drift/fail_on.h"
#include "util/closest_name.h"
#include "util/error.h"
#include "util/toml_position.h"

namespace tagdrift::fleet {
namespace {

namespace fs = std::filesystem;

const std::vector<std::string> kFailOnNames = {"never", "policy", "new", "high", "critical"};

bool is_web_url(std::string_view text) {
  return text.rfind("http://", 0) == 0 || text.rfind("https://", 0) == 0;
}

struct Reader {
  const std::string& file;
  const fs::path& folder;

  std::string string_at(const toml::node& node, std::string_view key) const {
    std::optional<std::string> value = node.value<std::string>();
    if (!value) toml_fail_at(file, node.source(), fmt::format("'{}' must be a string", key));
    return *value;
  }

  // A string or a list of strings.
  std::vector<std::string> strings_at(const toml::node& node, std::string_view key) const {
    if (node.is_string()) return {string_at(node, key)};
    const toml::array* array = node.as_array();
    if (array == nullptr) {
      toml_fail_at(file, node.source(),
                   fmt::format("'{}' must be a string or a list of strings", key));
    }
    std::vector<std::string> values;
    for (const toml::node& item : *array) values.push_back(string_at(item, key));
    return values;
  }

  std::string url_at(const toml::node& node, std::string_view key) const {
    std::string url = string_at(node, key);
    if (!good_url(url)) {
      toml_fail_at(file, node.source(),
                   fmt::format("'{}' needs an http:// or https:// URL with a host: {}", key, url));
    }
    return url;
  }

  std::string path_at(const toml::node& node, std::string_view key) const {
    fs::path path = string_at(node, key);
    return (path.is_relative() ? folder / path : path).lexically_normal().string();
  }

  std::vector<std::string> targets_at(const toml::node& node) const {
    std::vector<std::string> targets = strings_at(node, "targets");
    const toml::array* array = node.as_array();
    for (std::size_t i = 0; i < targets.size(); ++i) {
      const toml::source_region& at = array ? (*array)[i].source() : node.source();
      std::string& target = targets[i];
      if (is_web_url(target)) {
        if (!good_url(target)) toml_fail_at(file, at, "target is not a usable URL: " + target);
        continue;
      }
      fs::path path = fs::path(target).is_relative() ? folder / target : fs::path(target);
      std::error_code error;
      if (!fs::is_directory(path, error)) {
        toml_fail_at(file, at, "target is neither an http(s) URL nor a directory: " + target);
      }
      target = path.lexically_normal().string();
    }
    if (targets.empty()) toml_fail_at(file, node.source(), "'targets' is empty");
    return targets;
  }

  std::vector<std::string> patterns_at(const toml::node& node, std::string_view key) const {
    std::vector<std::string> patterns = strings_at(node, key);
    re2::RE2::Options options;
    options.set_log_errors(false);
    for (const std::string& pattern : patterns) {
      re2::RE2 regex(pattern, options);
      if (!regex.ok()) {
        toml_fail_at(file, node.source(),
                     fmt::format("bad '{}' pattern '{}': {}", key, pattern, regex.error()));
      }
    }
    return patterns;
  }

  std::string scope_at(const toml::node& node) const {
    std::string scope = string_at(node, "scope");
    if (scope != "host" && scope != "domain") {
      toml_fail_at(file, node.source(), fmt::format("bad scope '{}' (host or domain)", scope));
    }
    return scope;
  }

  drift::FailOn fail_on_at(const toml::node& node) const {
    std::string name = string_at(node, "fail_on");
    std::optional<drift::FailOn> fail_on = drift::fail_on_from_name(name);
    if (!fail_on) {
      toml_fail_at(file, node.source(),
                   fmt::format("bad fail_on '{}' (never, policy, new, high or critical){}", name,
                               did_you_mean(name, kFailOnNames)));
    }
    return *fail_on;
  }

  std::size_t count_at(const toml::node& node, std::string_view key) const {
    std::optional<std::int64_t> value = node.value_exact<std::int64_t>();
    if (!value || *value < 1) {
      toml_fail_at(file, node.source(), fmt::format("'{}' must be a whole number above 0", key));
    }
    return static_cast<std::size_t>(*value);
  }

  void read_field(SiteEntry& site, const toml::key& name, const toml::node& node) const {
    const std::string_view key = name.str();
    if (key == "name") {
      site.name = string_at(node, key);
      if (site.name.empty()) toml_fail_at(file, node.source(), "'name' is empty");
    } else if (key == "targets") {
      site.targets = targets_at(node);
    } else if (key == "base_url") {
      site.base_url = url_at(node, key);
    } else if (key == "scope") {
      site.scope = scope_at(node);
    } else if (key == "include") {
      site.include = patterns_at(node, key);
    } else if (key == "exclude") {
      site.exclude = patterns_at(node, key);
    } else if (key == "policy") {
      site.policy = path_at(node, key);
    } else if (key == "notify") {
      site.notify = url_at(node, key);
    } else if (key == "fail_on") {
      site.fail_on = fail_on_at(node);
    } else if (key == "max_pages") {
      site.max_pages = count_at(node, key);
    } else if (key == "group") {
      site.group = string_at(node, key);
    } else {
      toml_fail_at(file, name.source(),
                   fmt::format("unknown key '{}' in [[site]] ({}){}", key,
                               fmt::join(site_keys(), ", "), did_you_mean(key, site_keys())));
    }
  }

  SiteEntry site_at(const toml::node& node) const {
    const toml::table* table = node.as_table();
    if (table == nullptr) toml_fail_at(file, node.source(), "'site' must be [[site]] tables");
    SiteEntry site;
    site.where = toml_where(file, table->source());
    for (const auto& [key, value] : *table) read_field(site, key, value);
    if (site.name.empty()) toml_fail_at(file, table->source(), "[[site]] has no 'name'");
    if (site.targets.empty()) {
      toml_fail_at(file, table->source(), fmt::format("site '{}' has no 'targets'", site.name));
    }
    return site;
  }
};

}  // namespace

bool good_url(const std::string& text) {
  std::optional<std::string> normal = crawler::normalize_url(text);
  std::optional<crawler::UrlParts> parts = normal ? crawler::split_url(*normal) : std::nullopt;
  // libcurl reads "https:///hook" as host "hook"; a user who wrote three slashes left it out.
  return parts && !parts->host.empty() && text.find(":///") == std::string::npos;
}

const std::vector<std::string>& site_keys() {
  static const std::vector<std::string> keys = {"name",    "targets",   "base_url", "scope",
                                                "include", "exclude",   "policy",   "notify",
                                                "fail_on", "max_pages", "group"};
  return keys;
}

std::vector<SiteEntry> parse_sites(std::string_view text, const std::string& file,
                                   const fs::path& folder) {
  toml::table root;
  try {
    root = toml::parse(text, std::string_view(file));
  } catch (const toml::parse_error& error) {
    toml_fail_at(file, error.source(), std::string(error.description()));
  }
  const Reader reader{file, folder};
  std::vector<SiteEntry> sites;
  std::map<std::string, std::string> first_seen;  // name -> where
  for (const auto& [key, node] : root) {
    if (key.str() != "site") {
      toml_fail_at(file, key.source(),
                   fmt::format("unknown key '{}' (the file holds [[site]] tables){}", key.str(),
                               did_you_mean(key.str(), {"site"})));
    }
    const toml::array* array = node.as_array();
    if (array == nullptr) toml_fail_at(file, node.source(), "'site' must be [[site]] tables");
    for (const toml::node& item : *array) {
      SiteEntry site = reader.site_at(item);
      auto [at, fresh] = first_seen.emplace(site.name, site.where);
      if (!fresh) {
        const toml::node* name = item.as_table()->get("name");
        toml_fail_at(file, name->source(),
                     fmt::format("duplicate site name '{}' (first at {})", site.name, at->second));
      }
      sites.push_back(std::move(site));
    }
  }
  if (sites.empty()) throw usage_error(file + ": no [[site]] tables");
  return sites;
}

std::vector<SiteEntry> load_sites_file(const std::string& path) {
  std::error_code error;
  if (fs::is_directory(path, error)) throw usage_error(path + ": not a sites file (a directory)");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw usage_error(path + ": cannot read the sites file");
  std::ostringstream text;
  text << in.rdbuf();
  return parse_sites(text.str(), path, fs::path(path).parent_path());
}

}  // namespace tagdrift::fleet
