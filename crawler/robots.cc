#include "crawler/robots.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

#include "crawler/url.h"
#include "util/ascii.h"

namespace tagdrift::crawler {
namespace {

enum class Key { kUserAgent, kAllow, kDisallow, kCrawlDelay, kSitemap, kOther };

std::string_view trim(std::string_view text) {
  constexpr std::string_view kSpace = " \t\v\f\r\n";
  const std::size_t first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(kSpace) - first + 1);
}

// Common misspellings are accepted as other crawlers do: a robots.txt author who wrote
// "Dissallow" meant it, and a polite crawler obeys.
Key classify(std::string_view key) {
  for (std::string_view name : {"user-agent", "useragent", "user agent"}) {
    if (iequals(key, name)) return Key::kUserAgent;
  }
  for (std::string_view name : {"disallow", "dissallow", "dissalow", "disalow", "disallaw"}) {
    if (iequals(key, name)) return Key::kDisallow;
  }
  if (iequals(key, "allow")) return Key::kAllow;
  if (iequals(key, "crawl-delay") || iequals(key, "crawldelay")) return Key::kCrawlDelay;
  if (iequals(key, "sitemap") || iequals(key, "site-map")) return Key::kSitemap;
  return Key::kOther;
}

// The product token at the start of `text`: "Tagdrift/0.1 (+url)" -> "Tagdrift".
std::string_view product_token(std::string_view text) {
  std::size_t end = 0;
  while (end < text.size() && (std::isalpha(static_cast<unsigned char>(text[end])) ||
                               text[end] == '_' || text[end] == '-')) {
    ++end;
  }
  return text.substr(0, end);
}

std::optional<double> parse_delay(std::string_view value) {
  double seconds = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), seconds);
  if (error != std::errc() || end == value.data() || !std::isfinite(seconds) || seconds < 0) {
    return std::nullopt;
  }
  return std::min(seconds, Robots::kMaxCrawlDelaySeconds);
}

// A pattern in the form paths are compared in: percent-encoding normalized, a leading '/'
// supplied when the author left it out, runs of '*' collapsed.
std::string normalize_pattern(std::string_view value) {
  std::string pattern;
  if (value.front() != '/' && value.front() != '*') pattern += '/';
  for (char c : normalize_percent_encoding(value)) {
    if (c != '*' || pattern.empty() || pattern.back() != '*') pattern += c;
  }
  return pattern;
}

// Reads lines and keeps the rules of the groups for our token and of the '*' groups apart.
class Parser {
 public:
  explicit Parser(std::string_view user_agent_token)
      : token_(product_token(trim(user_agent_token))) {}

  void line(std::string_view text);
  std::vector<Robots::Rule> take_rules() {
    return std::move(seen_specific_ ? specific_rules_ : global_rules_);
  }
  std::optional<double> crawl_delay() const {
    return seen_specific_ ? specific_delay_ : global_delay_;
  }
  std::vector<std::string> take_sitemaps() { return std::move(sitemaps_); }

 private:
  void user_agent(std::string_view value);
  void rule(std::string_view value, bool allow);
  void crawl_delay(std::string_view value);

  std::string_view token_;
  bool in_agent_lines_ = false;  // the previous group line was a User-agent line
  bool group_specific_ = false;  // the current group names our token
  bool group_global_ = false;    // the current group names '*'
  bool seen_specific_ = false;
  std::size_t rule_count_ = 0;
  std::vector<Robots::Rule> specific_rules_;
  std::vector<Robots::Rule> global_rules_;
  std::optional<double> specific_delay_;
  std::optional<double> global_delay_;
  std::vector<std::string> sitemaps_;
};

void Parser::line(std::string_view text) {
  text = text.substr(0, text.find('#'));
  const std::size_t colon = text.find(':');
  if (colon == std::string_view::npos) return;
  const std::string_view value = trim(text.substr(colon + 1));
  switch (classify(trim(text.substr(0, colon)))) {
    case Key::kUserAgent:
      return user_agent(value);
    case Key::kAllow:
      return rule(value, true);
    case Key::kDisallow:
      return rule(value, false);
    case Key::kCrawlDelay:
      return crawl_delay(value);
    case Key::kSitemap:
      if (!value.empty()) sitemaps_.emplace_back(value);
      return;
    case Key::kOther:
      return;
  }
}

void Parser::user_agent(std::string_view value) {
  // Consecutive User-agent lines share the group that follows them.
  if (!in_agent_lines_) group_specific_ = group_global_ = false;
  in_agent_lines_ = true;
  if (!value.empty() && value.front() == '*' && trim(value.substr(1)).empty()) {
    group_global_ = true;
  } else if (!token_.empty() && iequals(product_token(value), token_)) {
    group_specific_ = seen_specific_ = true;
  }
}

void Parser::rule(std::string_view value, bool allow) {
  in_agent_lines_ = false;
  // An empty Disallow (or Allow) says nothing: everything stays allowed.
  if (value.empty() || rule_count_ >= Robots::kMaxRules) return;
  if (!group_specific_ && !group_global_) return;
  Robots::Rule entry{normalize_pattern(value), allow};
  ++rule_count_;
  if (group_specific_ && group_global_) global_rules_.push_back(entry);
  (group_specific_ ? specific_rules_ : global_rules_).push_back(std::move(entry));
}

void Parser::crawl_delay(std::string_view value) {
  in_agent_lines_ = false;
  const std::optional<double> seconds = parse_delay(value);
  if (!seconds) return;
  if (group_specific_) specific_delay_ = std::max(specific_delay_.value_or(0), *seconds);
  if (group_global_) global_delay_ = std::max(global_delay_.value_or(0), *seconds);
}

// Glob matching without backtracking: each literal piece between '*'s is taken at its leftmost
// occurrence, which is enough because '*' is the only wildcard.
bool matches(std::string_view pattern, std::string_view path) {
  const bool anchored = !pattern.empty() && pattern.back() == '$';
  if (anchored) pattern.remove_suffix(1);
  std::size_t star = pattern.find('*');
  const std::string_view head = pattern.substr(0, star);
  if (path.substr(0, head.size()) != head) return false;
  if (star == std::string_view::npos) return !anchored || path.size() == head.size();
  std::size_t position = head.size();
  pattern.remove_prefix(star + 1);
  while ((star = pattern.find('*')) != std::string_view::npos) {
    const std::string_view piece = pattern.substr(0, star);
    const std::size_t found = path.find(piece, position);
    if (found == std::string_view::npos) return false;
    position = found + piece.size();
    pattern.remove_prefix(star + 1);
  }
  if (!anchored) return path.find(pattern, position) != std::string_view::npos;
  return path.size() - position >= pattern.size() && path.ends_with(pattern);
}

}  // namespace

Robots Robots::parse(std::string_view body, std::string_view user_agent_token) {
  if (body.starts_with("\xEF\xBB\xBF")) body.remove_prefix(3);
  if (body.size() > kMaxBodyBytes) {
    // A line cut by the budget is dropped rather than read as a shorter rule.
    body = body.substr(0, kMaxBodyBytes);
    body = body.substr(0, body.find_last_of("\r\n") + 1);
  }
  Parser parser(user_agent_token);
  while (!body.empty()) {
    const std::size_t end = body.find_first_of("\r\n");
    parser.line(body.substr(0, end));
    if (end == std::string_view::npos) break;
    body.remove_prefix(end + 1);
  }
  Robots robots;
  robots.rules_ = parser.take_rules();
  std::sort(robots.rules_.begin(), robots.rules_.end(), [](const Rule& a, const Rule& b) {
    if (a.pattern.size() != b.pattern.size()) return a.pattern.size() > b.pattern.size();
    if (a.allow != b.allow) return a.allow;
    return a.pattern < b.pattern;
  });
  // Generated robots.txt files repeat rules; one copy decides the same.
  const auto same = [](const Rule& a, const Rule& b) {
    return a.allow == b.allow && a.pattern == b.pattern;
  };
  robots.rules_.erase(std::unique(robots.rules_.begin(), robots.rules_.end(), same),
                      robots.rules_.end());
  robots.crawl_delay_ = parser.crawl_delay();
  robots.sitemaps_ = parser.take_sitemaps();
  return robots;
}

Robots Robots::allow_all() { return Robots(); }

bool Robots::allowed(std::string_view path_and_query) const {
  if (rules_.empty()) return true;
  std::string path = normalize_percent_encoding(path_and_query);
  if (path.empty() || path.front() != '/') path.insert(path.begin(), '/');
  if (path == "/robots.txt") return true;
  for (const Rule& rule : rules_) {
    if (matches(rule.pattern, path)) return rule.allow;
  }
  return true;
}

}  // namespace tagdrift::crawler
