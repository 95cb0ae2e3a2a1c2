// robots.txt (RFC 9309): the rules of the group that applies to our user agent, the sitemaps it
// lists and its Crawl-delay. Parsing reads a bounded prefix and matching never backtracks.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tagdrift::crawler {

class Robots {
 public:
  // Only the first kMaxBodyBytes of a body are read (RFC 9309 asks for at least 500 KiB).
  static constexpr std::size_t kMaxBodyBytes = 500u * 1024;
  static constexpr std::size_t kMaxRules = 10000;
  static constexpr double kMaxCrawlDelaySeconds = 60;

  // `user_agent_token` is our product token ("tagdrift"); anything after it ("/0.1 (...)") is
  // ignored. Groups naming the token win over the `*` group; several such groups merge.
  static Robots parse(std::string_view body, std::string_view user_agent_token);
  // For a missing (4xx) robots.txt or --ignore-robots.
  static Robots allow_all();

  // `path_and_query` as in a normalized URL ("/a/b?q=1"). The longest matching rule decides, an
  // Allow wins a tie, and no matching rule means allowed. /robots.txt is always allowed.
  bool allowed(std::string_view path_and_query) const;
  // The Crawl-delay of the applying group, clamped to [0, kMaxCrawlDelaySeconds].
  std::optional<double> crawl_delay() const { return crawl_delay_; }
  // Every Sitemap: line, whichever group it sits in, in file order.
  const std::vector<std::string>& sitemaps() const { return sitemaps_; }

  // One Allow or Disallow line of the applying group.
  struct Rule {
    std::string pattern;  // percent-normalized; '*' is a wildcard, a final '$' anchors the end
    bool allow = false;
  };

 private:
  std::vector<Rule> rules_;  // longest pattern first; Allow before Disallow on equal length
  std::optional<double> crawl_delay_;
  std::vector<std::string> sitemaps_;
};

}  // namespace tagdrift::crawler
