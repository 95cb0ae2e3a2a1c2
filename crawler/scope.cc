#include "crawler/scope.h"

#include <re2/re2.h>

#include <algorithm>
#include <cstdint>

#include "crawler/url.h"
#include "util/domain.h"
#include "util/error.h"

namespace tagdrift::crawler {
namespace {

// Compiled-program budget of one pattern; RE2 refuses a pattern that needs more.
constexpr int64_t kPatternMemoryBytes = 8 << 20;

std::vector<std::unique_ptr<re2::RE2>> compile(const std::vector<std::string>& patterns,
                                               std::string_view flag) {
  re2::RE2::Options options;
  options.set_max_mem(kPatternMemoryBytes);
  options.set_log_errors(false);
  std::vector<std::unique_ptr<re2::RE2>> compiled;
  for (const std::string& pattern : patterns) {
    auto regex = std::make_unique<re2::RE2>(pattern, options);
    if (!regex->ok()) {
      throw usage_error("bad " + std::string(flag) + " pattern '" + pattern +
                        "': " + regex->error());
    }
    compiled.push_back(std::move(regex));
  }
  return compiled;
}

bool any_matches(const std::vector<std::unique_ptr<re2::RE2>>& patterns, std::string_view url) {
  return std::any_of(patterns.begin(), patterns.end(), [url](const auto& regex) {
    return re2::RE2::PartialMatch(re2::StringPiece(url.data(), url.size()), *regex);
  });
}

}  // namespace

Scope::Scope(ScopeMode mode, const std::vector<std::string>& seed_urls,
             const std::vector<std::string>& include, const std::vector<std::string>& exclude)
    : mode_(mode),
      include_(compile(include, "--include")),
      exclude_(compile(exclude, "--exclude")) {
  for (const std::string& seed : seed_urls) {
    const std::optional<std::string> url = normalize_url(seed);
    const std::optional<UrlParts> parts = url ? split_url(*url) : std::nullopt;
    if (!parts) throw usage_error("not an http(s) URL: '" + seed + "'");
    seeds_.insert(*url);
    domains_.insert(registrable_domain(parts->host));
    sites_.insert(mode_ == ScopeMode::kDomain ? registrable_domain(parts->host) : parts->host);
  }
}

Scope::~Scope() = default;
Scope::Scope(Scope&&) noexcept = default;
Scope& Scope::operator=(Scope&&) noexcept = default;

// Every link of every page comes through here: an off-site link costs a set lookup in host mode,
// never the public-suffix lookup judge() makes to tell a sibling host from another site.
bool Scope::contains(std::string_view normalized_url) const {
  if (seeds_.find(normalized_url) != seeds_.end()) return true;
  const std::optional<UrlParts> parts = split_url(normalized_url);
  if (!parts || !host_in_scope(parts->host)) return false;
  if (!include_.empty() && !any_matches(include_, normalized_url)) return false;
  return !any_matches(exclude_, normalized_url);
}

Scope::Verdict Scope::judge(std::string_view normalized_url) const {
  if (contains(normalized_url)) return Verdict::kInside;
  const std::optional<UrlParts> parts = split_url(normalized_url);
  if (!parts) return Verdict::kOtherSite;
  if (host_in_scope(parts->host)) return Verdict::kFiltered;
  return domain_in_scope(parts->host) ? Verdict::kSiblingHost : Verdict::kOtherSite;
}

bool Scope::host_in_scope(std::string_view host) const {
  if (mode_ == ScopeMode::kHost) return sites_.find(host) != sites_.end();
  return sites_.find(registrable_domain(host)) != sites_.end();
}

bool Scope::domain_in_scope(std::string_view host) const {
  return domains_.find(registrable_domain(host)) != domains_.end();
}

}  // namespace tagdrift::crawler
