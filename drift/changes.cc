#include "drift/changes.h"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <map>
#include <string_view>

#include "drift/name_list.h"
#include "drift/url_path.h"

namespace tagdrift::drift {
namespace {

// The part of a key after the vendor: the account ID, or the host for ID-less tags.
std::string identity_of(const Finding& finding) {
  if (!finding.tag_id.empty()) return finding.tag_id;
  const auto colon = finding.key.find(':');
  return colon == std::string::npos ? finding.key : finding.key.substr(colon + 1);
}

using PagesByUrl = std::map<std::string_view, const FindingPage*, std::less<>>;

PagesByUrl pages_by_url(const Finding& finding) {
  PagesByUrl pages;
  for (const FindingPage& page : finding.pages) pages.emplace(*page.url, &page);
  return pages;
}

const FindingPage* find_page(const PagesByUrl& pages, std::string_view url) {
  auto found = pages.find(url);
  return found == pages.end() ? nullptr : found->second;
}

bool on_every_fetched_page(const PagesByUrl& before, const Previous& previous) {
  return std::all_of(previous.fetched.begin(), previous.fetched.end(),
                     [&](const std::string& url) { return before.count(url) > 0; });
}

void add_new_pages(const Finding& now, const PagesByUrl& before, const Previous& previous,
                   std::vector<std::string>& lines) {
  const bool was_site_wide = !previous.fetched.empty() && on_every_fetched_page(before, previous);
  std::vector<std::string> health, other;
  for (const FindingPage& page : now.pages) {
    if (find_page(before, *page.url) != nullptr) continue;
    const bool seen_before = previous.fetched.count(page.url) > 0;
    if (!seen_before && was_site_wide && !page.health_context) continue;
    (page.health_context ? health : other).push_back(page.url);
  }
  if (!health.empty()) {
    lines.push_back(fmt::format("now on {}: {}", count_of(health.size(), "new health-context page"),
                                display_urls(health, previous.site)));
  }
  if (!other.empty()) {
    lines.push_back(fmt::format("now on {}: {}", count_of(other.size(), "new page"),
                                display_urls(other, previous.site)));
  }
}

void add_gating_dropped(const Finding& now, const Finding& before, const PagesByUrl& old_pages,
                        const Previous& previous, std::vector<std::string>& lines) {
  std::vector<std::string> dropped, ungated;
  for (const FindingPage& page : now.pages) {
    if (page.consent_gated) continue;
    ungated.push_back(page.url);
    const FindingPage* old = find_page(old_pages, *page.url);
    if (old != nullptr && old->consent_gated) dropped.push_back(page.url);
  }
  if (!dropped.empty()) {
    lines.push_back(
        fmt::format("consent gating dropped on {}", display_urls(dropped, previous.site)));
  } else if (before.consent_gated && !now.consent_gated) {
    lines.push_back(fmt::format("consent gating dropped: gated on every page before, not on {}",
                                display_urls(ungated, previous.site)));
  }
}

}  // namespace

const Finding* find_previous(const Previous& previous, std::string_view key) {
  auto found = std::lower_bound(previous.findings.begin(), previous.findings.end(), key,
                                [](const Finding& f, std::string_view k) { return f.key < k; });
  if (found == previous.findings.end() || found->key != key) return nullptr;
  return &*found;
}

std::string new_tag_line(const Finding& now, const Previous* previous) {
  if (previous == nullptr) return "first scan of this site";
  std::string line;
  std::vector<std::string> known_ids;
  for (const Finding& old : previous->findings) {
    if (old.vendor == now.vendor) known_ids.push_back(identity_of(old));
  }
  if (now.vendor == "unknown") {
    line = "new unknown third party on this site";
  } else if (known_ids.empty()) {
    line = "new vendor on this site";
  } else {
    line =
        fmt::format("new {} for a vendor already on the site ({}: {})",
                    now.tag_id.empty() ? "instance" : "account ID", now.vendor, joined(known_ids));
  }
  if (previous->commented.count(now.key) > 0) line += "; it was commented out before";
  return line;
}

std::vector<std::string> changes_since(const Finding& now, const Finding& before,
                                       const Previous& previous) {
  std::vector<std::string> lines;
  const PagesByUrl old_pages = pages_by_url(before);
  add_new_pages(now, old_pages, previous, lines);
  add_gating_dropped(now, before, old_pages, previous, lines);
  std::vector<std::string> matching = missing_from(now.enhanced_match, before.enhanced_match);
  if (!matching.empty()) lines.push_back("enhanced match turned on: " + joined(matching));
  std::vector<std::string> events = missing_from(now.events, before.events);
  if (!events.empty()) lines.push_back("new conversion events: " + joined(events));
  return lines;
}

}  // namespace tagdrift::drift
