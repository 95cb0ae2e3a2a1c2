// The crawl: fetches a site's pages with libcurl's multi interface and hands each to the caller.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "crawler/crawl_options.h"
#include "crawler/page.h"

namespace tagdrift::crawler {

// Runs on a parse worker, never on the I/O loop, for each page with an HTML body; for a page
// answered 304 to a conditional request (no body, nothing to parse) it runs on the loop. Returns
// the page's outgoing links as absolute URLs (see links.h); the crawler scopes and queues them.
using PageProcessor = std::function<std::vector<std::string>(Page& page)>;

// Runs on the crawl thread before a page is requested: the validators of an earlier scan when the
// caller could reuse that scan's results for the page, else nothing (an unconditional request).
// A page answered with 304 reaches the processor with not_modified set and no body.
using ValidatorLookup = std::function<std::optional<Validators>(const std::string& url)>;

// Runs on the crawl thread, once per page (fetched, failed or skipped), in completion order.
// The page's body has been dropped by then.
using PageSink = std::function<void(Page&& page)>;

struct CrawlSummary {
  std::size_t pages_fetched = 0;  // got an HTTP response that was used
  std::size_t pages_failed = 0;
  std::size_t pages_skipped = 0;
  std::size_t links_over_budget = 0;  // in-scope links not queued: --max-pages or query caps
  // Sitemap URLs on a host outside the scope (a staging site's sitemap naming production):
  // not crawled, each recorded as a skipped page up to --max-pages of them.
  std::size_t sitemap_urls_off_site = 0;
  std::vector<std::string> off_site_origins;  // the first few distinct origins among them
  double seconds = 0;
  // One line per target that could not be scanned at all ("<target>: <why>").
  std::vector<std::string> failed_targets;
};

// Throws Error (exit 2) for whatever crawl() would refuse before fetching anything: bad limits,
// a target that is neither http(s) nor a directory, a bad --include/--exclude pattern or
// --map-origin, a bad header, cookie or --resolve, a missing basic-auth variable. Callers check
// before they write anything (the history), so a refused scan leaves no trace.
void check_crawl_options(const CrawlOptions& options);

// Crawls every target. Throws Error for what ends the command (bad options, a bad pattern);
// anything that goes wrong with one page is reported through the sink as that page's error.
CrawlSummary crawl(const CrawlOptions& options, const PageProcessor& process, const PageSink& sink,
                   const ValidatorLookup& validators = {});

// The default processor: parses with Gumbo and returns the links (what a bare crawl needs).
std::vector<std::string> links_only(Page& page, std::size_t max_links);

}  // namespace tagdrift::crawler
