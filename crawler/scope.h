// Which URLs a crawl may visit: those on a seed's host (or registrable domain), narrowed by the
// --include and --exclude patterns. Seeds are always in scope.
#pragma once

#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "crawler/crawl_options.h"

namespace re2 {
class RE2;
}

namespace tagdrift::crawler {

class Scope {
 public:
  // kHost keeps the exact host names of the seeds: www.clinic.example and clinic.example are
  // different hosts, so a seed on one does not cover the other (use kDomain for that). kDomain
  // keeps every host under a seed's registrable domain (clinic.example, www.clinic.example,
  // portal.clinic.example). Scheme and port are not compared in either mode.
  //
  // `include` and `exclude` are RE2 patterns that match anywhere in the normalized URL (add ^ or
  // $ to anchor). An empty `include` lets everything in; `exclude` wins over `include`. Throws a
  // usage error for a pattern RE2 rejects or a seed that is not an http(s) URL.
  Scope(ScopeMode mode, const std::vector<std::string>& seed_urls,
        const std::vector<std::string>& include, const std::vector<std::string>& exclude);
  ~Scope();
  Scope(Scope&&) noexcept;
  Scope& operator=(Scope&&) noexcept;

  // Why a URL is in scope or not, for messages that tell the user what to change.
  enum class Verdict {
    kInside,
    kFiltered,     // on a site host, but --include/--exclude keep it out
    kSiblingHost,  // host mode: another host of a seed's registrable domain (--scope domain)
    kOtherSite,    // no seed's host or registrable domain
  };

  // `normalized_url` as normalize_url or resolve_url returned it. Safe from several threads.
  bool contains(std::string_view normalized_url) const;
  // contains() with the reason; an off-site URL costs a public-suffix lookup, so this is for
  // redirects and sitemap entries, not for every link.
  Verdict judge(std::string_view normalized_url) const;

 private:
  bool host_in_scope(std::string_view host) const;
  bool domain_in_scope(std::string_view host) const;

  ScopeMode mode_;
  std::set<std::string, std::less<>> seeds_;    // normalized seed URLs
  std::set<std::string, std::less<>> sites_;    // seed hosts, or their registrable domains
  std::set<std::string, std::less<>> domains_;  // the seeds' registrable domains
  std::vector<std::unique_ptr<re2::RE2>> include_;
  std::vector<std::unique_ptr<re2::RE2>> exclude_;
};

}  // namespace tagdrift::crawler
