// A local directory of built HTML (or raw templates) scanned as the site it will become: every
// page file is a page, at the URL it will have under --base-url. No server needed.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "crawler/crawl.h"
#include "crawler/scope.h"

namespace tagdrift::crawler {

struct LocalPage {
  std::filesystem::path file;
  std::string
      url;  // dir/index.html -> base/, dir/a/index.html -> base/a/, dir/b.html -> base/b.html
};

// True for the file names scanned as pages: HTML and the common server-side template kinds.
bool is_page_file(const std::filesystem::path& file);

// Every page file under `dir` whose URL `scope` (when given) contains, sorted by URL, at most
// `max_pages`. Throws Error (exit 3) when `dir` cannot be read.
std::vector<LocalPage> list_local_pages(const std::filesystem::path& dir,
                                        const std::string& base_url, std::size_t max_pages,
                                        const Scope* scope = nullptr);

// Runs `process` on every page file (on the worker pool) and `sink` on the calling thread.
CrawlSummary crawl_directory(const std::filesystem::path& dir, const CrawlOptions& options,
                             const PageProcessor& process, const PageSink& sink);

}  // namespace tagdrift::crawler
