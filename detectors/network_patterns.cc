#include "detectors/network_patterns.h"

#include <re2/re2.h>

#include <optional>

#include "detectors/detector_url.h"

namespace tagdrift::detectors {
namespace {

constexpr std::size_t kRegexMemory = 1 << 20;  // one path or field-name regex

RE2::Options regex_options() {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(static_cast<int64_t>(kRegexMemory));
  return options;
}

}  // namespace

struct NetworkPatterns::Compiled {
  std::size_t signature = 0;
  const NetworkPattern* pattern = nullptr;
  std::unique_ptr<RE2> path;  // null: any path
  int id_group = 0;           // the path regex's `id` group, 0 when none
  std::vector<std::unique_ptr<RE2>> fields;
};

template <typename Fail>
std::optional<NetworkPatterns::Compiled> NetworkPatterns::compile(const NetworkPattern& pattern,
                                                                  Fail fail) {
  Compiled out;
  out.pattern = &pattern;
  if (!pattern.path.empty()) {
    out.path = std::make_unique<RE2>(pattern.path, regex_options());
    if (!out.path->ok()) {
      fail(pattern.path, out.path->error());
      return std::nullopt;
    }
    auto named = out.path->NamedCapturingGroups();
    if (named.count("id")) out.id_group = named.at("id");
  }
  for (const std::string& regex : pattern.enhanced_match) {
    auto re = std::make_unique<RE2>(regex, regex_options());
    if (!re->ok() || re->NumberOfCapturingGroups() < 1) {
      fail(regex, re->ok() ? "needs a capture group" : re->error());
      return std::nullopt;
    }
    out.fields.push_back(std::move(re));
  }
  return out;
}

NetworkPatterns::NetworkPatterns(const std::vector<Signature>& signatures,
                                 const std::vector<AllowedHosts>& allowed,
                                 std::vector<std::string>& errors) {
  for (const AllowedHosts& entry : allowed) {
    allowed_hosts_.insert(allowed_hosts_.end(), entry.hosts.begin(), entry.hosts.end());
  }
  for (std::size_t s = 0; s < signatures.size(); ++s) {
    vendor_hosts_.insert(vendor_hosts_.end(), signatures[s].hosts.begin(),
                         signatures[s].hosts.end());
    for (const NetworkPattern& pattern : signatures[s].network) {
      vendor_hosts_.insert(vendor_hosts_.end(), pattern.hosts.begin(), pattern.hosts.end());
      auto fail = [&](const std::string& regex, const std::string& why) {
        errors.push_back(signatures[s].file + ":" + std::to_string(pattern.line) + ": signature '" +
                         signatures[s].id + "': network '" + regex + "': " + why);
      };
      if (auto compiled = compile(pattern, fail)) {
        compiled->signature = s;
        compiled_.push_back(std::move(*compiled));
      }
    }
  }
}

NetworkPatterns::~NetworkPatterns() = default;

std::vector<NetworkHit> NetworkPatterns::find(std::string_view host, std::string_view path) const {
  std::vector<NetworkHit> hits;
  for (const Compiled& compiled : compiled_) {
    if (!host_in(host, compiled.pattern->hosts)) continue;
    NetworkHit hit{compiled.signature, compiled.pattern, false, {}};
    if (compiled.path) {
      std::vector<re2::StringPiece> groups(static_cast<std::size_t>(compiled.id_group) + 1);
      if (!compiled.path->Match(path, 0, path.size(), RE2::UNANCHORED, groups.data(),
                                static_cast<int>(groups.size()))) {
        continue;
      }
      if (compiled.id_group > 0 && groups.back().data() != nullptr) {
        hit.has_path_id = true;
        hit.path_id = std::string(groups.back());
      }
    }
    hits.push_back(std::move(hit));
  }
  return hits;
}

std::string NetworkPatterns::enhanced_match_field(const NetworkHit& hit,
                                                  std::string_view name) const {
  for (const Compiled& compiled : compiled_) {
    if (compiled.pattern != hit.pattern) continue;
    for (const auto& re : compiled.fields) {
      std::string field;
      if (RE2::FullMatch(name, *re, &field) && !field.empty()) return field;
    }
  }
  return "";
}

bool NetworkPatterns::known_host(std::string_view url, std::string_view host) const {
  return host_in(host, vendor_hosts_) || url_in(url, allowed_hosts_);
}

}  // namespace tagdrift::detectors
