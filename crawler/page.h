// A fetched (or skipped) page: the plain value the crawler hands to the later stages.
#pragma once

#include <any>
#include <cstdint>
#include <string>

namespace tagdrift::crawler {

enum class FoundBy { kSeed, kLink, kSitemap };

const char* found_by_name(FoundBy found_by);

struct Page {
  std::string url;        // normalized URL as queued
  std::string final_url;  // after redirects (equals url when there were none)
  int status = 0;         // HTTP status; 0 when no response arrived
  std::string content_type;
  std::string body;         // decoded body; the crawler drops it once the page has been processed
  std::uint64_t bytes = 0;  // decoded body size
  double seconds = 0;       // transfer time
  int depth = 0;            // links from the nearest seed (sitemap pages count as depth 1)
  FoundBy found_by = FoundBy::kSeed;
  std::string referrer;             // the page (or sitemap) where it was found
  std::string error;                // empty on success: why this page could not be fetched or used
  std::string skipped;              // empty unless not fetched on purpose (robots.txt, limits): why
  std::string etag, last_modified;  // the response's validators, for the next scan
  bool not_modified = false;        // a conditional request got 304: there is no body
  // What the PageProcessor made of the page on its worker, handed to the sink with the page. The
  // crawler never looks inside; empty when the page was not processed or its processing threw.
  std::any result;
  std::string file;  // a directory target's page: its file, as the directory was given + path
  // Read from a directory target, where any page file (.php, .liquid, ..., and .html, which
  // Jekyll, Hugo and Eleventy layouts use) may be server template source. Never set for a
  // fetched response: what a server sends is what a browser reads.
  bool template_source = false;
};

// What an earlier scan learned about a URL, sent back as a conditional request.
struct Validators {
  std::string etag, last_modified;
};

inline bool is_html_content_type(const std::string& content_type) {
  return content_type.empty() || content_type.find("html") != std::string::npos;
}

}  // namespace tagdrift::crawler
