#include "tests/hostile/hostile_site.h"

#include <catch2/catch.hpp>
#include <cstdio>

namespace tagdrift::testing {

void RequestLog::add(const std::string& path) {
  std::lock_guard lock(mutex_);
  ++counts_[path];
}

int RequestLog::count(const std::string& path) {
  std::lock_guard lock(mutex_);
  return counts_[path];
}

int RequestLog::count_prefix(const std::string& prefix) {
  std::lock_guard lock(mutex_);
  int total = 0;
  for (const auto& [path, n] : counts_) total += path.rfind(prefix, 0) == 0 ? n : 0;
  return total;
}

HostileSite::HostileSite() {
  server.http().set_pre_routing_handler([this](const httplib::Request& req, httplib::Response&) {
    log.add(req.path);
    return httplib::Server::HandlerResponse::Unhandled;
  });
}

HostileSite::~HostileSite() {
  quit = true;  // handlers still streaming to a client that left return now
  server.stop();
}

void HostileSite::seed_links(const std::vector<std::string>& links) {
  std::string html = "<!doctype html><html><head><title>Seed</title></head><body>";
  for (const auto& link : links) html += "<a href='" + link + "'>x</a>";
  html += "</body></html>";
  server.http().Get("/", [html](const httplib::Request&, httplib::Response& res) {
    res.set_content(html, "text/html");
  });
}

// A body of `total` bytes made of `head`, then `filler` repeated, then `tail`, produced as the
// client reads it: nothing of that size is ever held in memory.
httplib::ContentProvider streamed(HostileSite& site, std::string head, std::string filler,
                                  std::string tail, std::size_t total) {
  return [&site, head, filler, tail, total](std::size_t offset, std::size_t length,
                                            httplib::DataSink& sink) {
    std::string chunk;
    const std::size_t end = offset + std::min<std::size_t>(length, 64 * 1024);
    for (std::size_t at = offset; at < end; ++at) {
      if (at < head.size()) {
        chunk += head[at];
      } else if (at >= total - tail.size()) {
        chunk += tail[at - (total - tail.size())];
      } else {
        chunk += filler[(at - head.size()) % filler.size()];
      }
    }
    if (site.quit || !sink.write(chunk.data(), chunk.size())) return false;
    site.bytes_sent += chunk.size();
    return true;
  };
}

// Sends `body` as it is: with a fixed length cpp-httplib does not compress a response itself
// (brotli over a 24 MB page would take the server longer than the client's timeout).
void set_uncompressed(httplib::Response& res, std::shared_ptr<const std::string> body,
                      const char* type) {
  res.set_content_provider(
      body->size(), type, [body](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
        return sink.write(body->data() + offset, std::min<std::size_t>(length, 64 * 1024));
      });
}

std::string str(const nlohmann::json& value) {
  return value.is_string() ? value.get<std::string>() : "";
}

// What every case checks: the scan ended by itself with the documented code, within its bounds,
// wrote a complete scan, and every page it reports is an http URL of the loopback site.
void check_scan(const char* name, const ScanRun& run, const HostileSite& site, double max_seconds,
                long max_rss_kb) {
  std::fprintf(stderr,
               "hostile: %-22s %6.2f s (bound %.0f s)  peak RSS %6.1f MiB (bound %ld MiB)\n", name,
               run.child.seconds, max_seconds, run.child.max_rss_kb / 1024.0, max_rss_kb / 1024);
  INFO("stderr: " << run.child.err);
  REQUIRE_FALSE(run.child.timed_out);
  CHECK(run.child.signal == 0);
  CHECK(run.child.exit_code == kExitOk);
  CHECK(run.child.seconds < max_seconds * kSlowdown);
  if (kCheckRss) CHECK(run.child.max_rss_kb < max_rss_kb);
  REQUIRE(run.report.is_object());
  CHECK(run.report["scan"]["complete"] == true);
  for (const auto& page : run.report["pages"]) {
    INFO(page.dump());
    CHECK(str(page["url"]).rfind(site.origin() + "/", 0) == 0);
    if (page["final_url"].is_string()) {
      CHECK(str(page["final_url"]).rfind(site.origin() + "/", 0) == 0);
    }
  }
}

// The page's error, as the report and as the history database hold it.
std::string page_error(const ScanRun& run, const TempDir& dir, const std::string& url) {
  const nlohmann::json* page = find_page(run.report, url);
  if (page == nullptr) return "(not in the report)";
  auto rows = tagdrift::testing::query(dir.path() / "x.db",
                                       "SELECT error FROM pages WHERE url = '" + url + "'");
  std::string stored = rows.size() == 1 ? rows[0][0] : "(not in the history)";
  CHECK(stored == str((*page)["error"]));
  std::fprintf(stderr, "hostile:   %s: error \"%s\"\n", url.c_str(), stored.c_str());
  return stored;
}

}  // namespace tagdrift::testing
