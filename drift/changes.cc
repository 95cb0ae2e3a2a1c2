#include "drift/changes.h"

#include <fmt/format.h>

#include <algorithm>
#include <string_view>

#include "drift/name_list.h"
#include "drift/url_path.h"

namespace tagdrift::drift {
namespace {

// The part of a key after the vendor: the account ID, or the host for ID-less tags.
std::string identity_of(const PreviousFinding& finding) {
  if (!finding.tag_id.empty()) return finding.tag_id;
  const auto colon = finding.key.find(':');
  return colon == std::string::npos ? finding.key : finding.key.substr(colon + 1);
}

// The page of `before` with `url`, or null.
const PreviousPage* find_page(const PreviousFinding& before, std::string_view url) {
  auto found = std::lower_bound(
      before.pages.begin(), before.pages.end(), url,
      [](const PreviousPage& page, std::string_view u) { return std::string_view(*page.url) < u; });
  return found == before.pages.end() || *found->url != url ? nullptr : &*found;
}

bool on_every_fetched_page(const PreviousFinding& before, const Previous& previous) {
  for (std::size_t i = 0; i < previous.fetched.size(); ++i) {
    if (find_page(before, previous.fetched.at(i)) == nullptr) return false;
  }
  return true;
}

void add_new_pages(const Finding& now, const PreviousFinding& before, const Previous& previous,
                   std::vector<std::string>& lines) {
  const bool was_site_wide = !previous.fetched.empty() && on_every_fetched_page(before, previous);
  std::vector<std::string> health, other;
  for (const FindingPage& page : now.pages) {
    if (find_page(before, *page.url) != nullptr) continue;
    const bool seen_before = previous.fetched.contains(*page.url);
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

void add_gating_dropped(const Finding& now, const PreviousFinding& before, const Previous& previous,
                        std::vector<std::string>& lines) {
  std::vector<std::string> dropped, ungated;
  for (const FindingPage& page : now.pages) {
    if (page.consent_gated) continue;
    ungated.push_back(page.url);
    const PreviousPage* old = find_page(before, *page.url);
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

PreviousFinding previous_finding(Finding finding) {
  PreviousFinding before{std::move(finding.key),    std::move(finding.signature),
                         std::move(finding.vendor), std::move(finding.tag_id),
                         finding.consent_gated,     std::move(finding.enhanced_match),
                         std::move(finding.events), {}};
  before.pages.reserve(finding.pages.size());
  for (FindingPage& page : finding.pages) {
    before.pages.push_back({std::move(page.url), page.consent_gated});
  }
  return before;
}

const PreviousFinding* find_previous(const Previous& previous, std::string_view key) {
  auto found =
      std::lower_bound(previous.findings.begin(), previous.findings.end(), key,
                       [](const PreviousFinding& f, std::string_view k) { return f.key < k; });
  if (found == previous.findings.end() || found->key != key) return nullptr;
  return &*found;
}

std::string new_tag_line(const Finding& now, const Previous* previous) {
  if (previous == nullptr) return "first scan of this site";
  std::string line;
  std::vector<std::string> known_ids;
  for (const PreviousFinding& old : previous->findings) {
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

std::vector<std::string> changes_since(const Finding& now, const PreviousFinding& before,
                                       const Previous& previous) {
  std::vector<std::string> lines;
  add_new_pages(now, before, previous, lines);
  add_gating_dropped(now, before, previous, lines);
  std::vector<std::string> matching = missing_from(now.enhanced_match, before.enhanced_match);
  if (!matching.empty()) lines.push_back("enhanced match turned on: " + joined(matching));
  std::vector<std::string> events = missing_from(now.events, before.events);
  if (!events.empty()) lines.push_back("new conversion events: " + joined(events));
  return lines;
}

}  // namespace tagdrift::drift
