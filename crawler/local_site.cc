#include "crawler/local_site.h"

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <exception>
#include <fstream>
#include <mutex>
#include <optional>

#include "crawler/page_guard.h"
#include "crawler/url.h"
#include "crawler/worker_pool.h"
#include "util/ascii.h"
#include "util/error.h"

namespace tagdrift::crawler {
namespace {

constexpr std::array<std::string_view, 19> kPageExtensions = {
    ".html", ".htm",        ".xhtml",    ".shtml", ".php",   ".phtml", ".liquid",
    ".hbs",  ".handlebars", ".mustache", ".njk",   ".twig",  ".erb",   ".ejs",
    ".jsp",  ".aspx",       ".cshtml",   ".vue",   ".svelte"};

std::string url_for(const std::filesystem::path& relative, std::string base_url) {
  if (base_url.empty() || base_url.back() != '/') base_url += '/';
  std::string path = relative.generic_string();
  if (path == "index.html" || path == "index.htm") return base_url;
  for (std::string_view index : {"/index.html", "/index.htm"}) {
    if (path.size() > index.size() && path.ends_with(index)) {
      return base_url + path.substr(0, path.size() - index.size() + 1);
    }
  }
  return base_url + path;
}

// Reads at most `limit` bytes; a larger file is the page's error, never a crash.
void read_page(const std::filesystem::path& file, std::size_t limit, Page& page) {
  std::error_code error;
  auto size = std::filesystem::file_size(file, error);
  if (error) {
    page.error = fmt::format("cannot read {}: {}", file.string(), error.message());
    return;
  }
  if (size > limit) {
    page.error = fmt::format("file exceeds {} bytes (--max-body)", limit);
    return;
  }
  std::ifstream in(file, std::ios::binary);
  page.body.resize(size);
  if (!in.read(page.body.data(), static_cast<std::streamsize>(size))) {
    page.body.clear();
    page.error = fmt::format("cannot read {}", file.string());
    return;
  }
  page.bytes = size;
  page.status = 200;
  page.content_type = "text/html";
}

}  // namespace

bool is_page_file(const std::filesystem::path& file) {
  const std::string extension = ascii_lowercase(file.extension().string());
  return std::find(kPageExtensions.begin(), kPageExtensions.end(), extension) !=
         kPageExtensions.end();
}

std::vector<LocalPage> list_local_pages(const std::filesystem::path& dir,
                                        const std::string& base_url, std::size_t max_pages,
                                        const Scope* scope) {
  std::vector<LocalPage> pages;
  std::error_code error;
  std::filesystem::recursive_directory_iterator it(dir, error), end;
  if (error) {
    throw Error(ExitCode::kTargetFailed,
                fmt::format("cannot read directory {}: {}", dir.string(), error.message()));
  }
  for (; it != end && pages.size() < max_pages; it.increment(error)) {
    if (error) break;
    if (!it->is_regular_file(error) || !is_page_file(it->path())) continue;
    auto relative = std::filesystem::relative(it->path(), dir, error);
    std::string url = url_for(relative, base_url);
    if (scope != nullptr && !scope->contains(url)) continue;  // --include / --exclude
    pages.push_back({it->path(), std::move(url)});
  }
  std::sort(pages.begin(), pages.end(),
            [](const LocalPage& a, const LocalPage& b) { return a.url < b.url; });
  return pages;
}

CrawlSummary crawl_directory(const std::filesystem::path& dir, const CrawlOptions& options,
                             const PageProcessor& process, const PageSink& sink) {
  auto started = std::chrono::steady_clock::now();
  CrawlSummary summary;
  std::optional<Scope> scope;
  if (auto base = normalize_url(options.base_url, options.max_url_length)) {
    scope.emplace(ScopeMode::kHost, std::vector<std::string>{*base}, options.include,
                  options.exclude);
  }
  auto files =
      list_local_pages(dir, options.base_url, options.max_pages, scope ? &*scope : nullptr);
  if (files.empty()) {
    summary.failed_targets.push_back(dir.string() + ": no HTML or template files");
  }
  std::mutex mutex;
  std::condition_variable ready;
  std::deque<Page> done;
  std::exception_ptr fatal;  // the first worker's Error or out of memory, for this thread
  {
    WorkerPool workers(static_cast<std::size_t>(std::max(0, options.parse_threads)));
    for (const auto& file : files) {
      workers.submit([&, file] {
        Page page;
        page.url = page.final_url = file.url;
        page.file = file.file.lexically_normal().generic_string();
        page.template_source = true;
        read_page(file.file, options.max_body_bytes, page);
        std::string error;
        std::exception_ptr ends_scan;
        if (page.error.empty()) guard_page_work([&] { process(page); }, error, ends_scan);
        if (!error.empty()) page.error = "could not process the page: " + error;
        page.body = std::string();
        std::lock_guard lock(mutex);
        if (ends_scan && !fatal) fatal = ends_scan;
        done.push_back(std::move(page));
        ready.notify_one();
      });
    }
    for (std::size_t received = 0; received < files.size(); ++received) {
      std::unique_lock lock(mutex);
      ready.wait(lock, [&] { return !done.empty(); });
      Page page = std::move(done.front());
      done.pop_front();
      if (fatal) std::rethrow_exception(fatal);
      lock.unlock();
      ++(page.error.empty() ? summary.pages_fetched : summary.pages_failed);
      sink(std::move(page));
    }
  }
  summary.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return summary;
}

}  // namespace tagdrift::crawler
