// The crawl loop's hand-off to the parse workers and back: bodies go out, links come home.
#include <fmt/core.h>

#include <algorithm>

#include "crawler/crawl_run.h"
#include "crawler/page_guard.h"
#include "crawler/sitemap.h"
#include "crawler/url.h"

namespace tagdrift::crawler {
namespace {

constexpr std::size_t kMaxSitemapDecompressed = 50u << 20;
constexpr std::size_t kMaxSitemapUrls = 50000;
constexpr std::size_t kMaxOffSiteOrigins = 3;  // named in the warning

}  // namespace

void CrawlRun::hand_to_worker(std::unique_ptr<Transfer> transfer) {
  ++in_worker_;
  // The easy handle stays with the loop; only the page travels.
  recycle_handle_of(*transfer);
  auto* job = transfer.release();
  workers_.submit([this, job] {
    Parsed parsed{std::unique_ptr<Transfer>(job), {}, {}, {}, {}};
    Page& page = parsed.transfer->page;
    guard_page_work(
        [&] {
          if (parsed.transfer->kind == TransferKind::kSitemap) {
            Sitemap sitemap = parse_sitemap(page.body, kMaxSitemapDecompressed, kMaxSitemapUrls);
            parsed.links = std::move(sitemap.pages);
            parsed.nested = std::move(sitemap.sitemaps);
            parsed.error = std::move(sitemap.error);
          } else {
            parsed.links = process_(page);
          }
        },
        parsed.error, parsed.fatal);
    {
      std::lock_guard lock(parsed_mutex_);
      parsed_.push_back(std::move(parsed));
    }
    curl_multi_wakeup(multi_.get());
  });
}

void CrawlRun::process_here(std::unique_ptr<Transfer> transfer) {
  recycle_handle_of(*transfer);
  Parsed parsed{std::move(transfer), {}, {}, {}, {}};
  guard_page_work([&] { parsed.links = process_(parsed.transfer->page); }, parsed.error,
                  parsed.fatal);
  if (parsed.fatal) std::rethrow_exception(parsed.fatal);
  take_parsed_page(std::move(parsed));
}

void CrawlRun::drain_parsed() {
  std::deque<Parsed> ready;
  {
    std::lock_guard lock(parsed_mutex_);
    ready.swap(parsed_);
  }
  for (auto& parsed : ready) {
    --in_worker_;
    if (parsed.fatal) std::rethrow_exception(parsed.fatal);
    if (parsed.transfer->kind == TransferKind::kSitemap) {
      take_parsed_sitemap(std::move(parsed));
    } else {
      take_parsed_page(std::move(parsed));
    }
  }
}

void CrawlRun::take_parsed_page(Parsed parsed) {
  Page& page = parsed.transfer->page;
  if (!parsed.error.empty()) page.error = "could not process the page: " + parsed.error;
  if (page.depth < options_.max_depth) {
    for (const auto& link : parsed.links) {
      const auto mapped = origin_map_.map(link);
      queue_link(mapped ? *mapped : link, page, FoundBy::kLink, page.depth + 1);
    }
  }
  emit(std::move(page));
}

void CrawlRun::take_parsed_sitemap(Parsed parsed) {
  const Page& sitemap = parsed.transfer->page;
  for (const auto& url : parsed.links) {
    auto normalized = normalize_url(url, options_.max_url_length);
    if (!normalized) continue;
    if (auto mapped = origin_map_.map(*normalized)) normalized = std::move(mapped);
    Scope::Verdict verdict = scope_.judge(*normalized);
    if (verdict == Scope::Verdict::kSiblingHost || verdict == Scope::Verdict::kOtherSite) {
      skip_off_site(*normalized, sitemap);
    } else {
      queue_link(*normalized, sitemap, FoundBy::kSitemap, 1);
    }
  }
  for (const auto& nested : parsed.nested) start_sitemap(nested, sitemap.url);
}

// A sitemap page the scope leaves out is not crawled, but never silently: it is counted for the
// scan's warning and recorded as a skipped page (within the page budget).
void CrawlRun::skip_off_site(const std::string& url, const Page& sitemap) {
  if (off_site_seen_.size() >= options_.max_pages) {
    ++summary_.sitemap_urls_off_site;
    return;
  }
  if (!off_site_seen_.insert(url).second) return;
  ++summary_.sitemap_urls_off_site;
  std::string origin = origin_of(url);
  auto& origins = summary_.off_site_origins;
  if (origins.size() < kMaxOffSiteOrigins &&
      std::find(origins.begin(), origins.end(), origin) == origins.end()) {
    origins.push_back(std::move(origin));
  }
  Page page;
  page.url = page.final_url = url;
  page.depth = 1;
  page.found_by = FoundBy::kSitemap;
  page.referrer = sitemap.url;
  page.skipped = "sitemap URL on another origin; not crawled (see --map-origin)";
  emit(std::move(page));
}

void CrawlRun::queue_link(const std::string& url, const Page& from, FoundBy found_by, int depth) {
  // Most links of a site point at pages already queued: skip parsing them for scope and origin.
  if (frontier_.seen(url) || !scope_.contains(url)) return;
  QueuedUrl item{url, origin_of(url), depth, found_by, from.url, 0, {}};
  Admission admission = frontier_.add(std::move(item));
  if (admission == Admission::kPageLimit || admission == Admission::kQueryVariantLimit) {
    ++summary_.links_over_budget;
  }
}

}  // namespace tagdrift::crawler
