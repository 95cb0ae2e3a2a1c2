// Hostile bodies and headers: a 1 GB body, a gzip bomb, a stalled and a trickling body, 100,000
// response headers. Each ends as a page error within the stated time and memory.
#include <zlib.h>

#include <catch2/catch.hpp>
#include <thread>

#include "tests/hostile/hostile_site.h"

// The hostile-test kit: HostileSite, check_scan, page_error, the size units and bounds.
using namespace tagdrift::testing;  // NOLINT(google-build-using-namespace)

namespace {

// Defaults of `tagdrift scan` these bounds are derived from (README, crawl flags).
constexpr int kDefaultRetries = 2;                  // --retries: three attempts in all
constexpr double kRetryBackoffSeconds = 1.5;        // 0.5 s then 1 s between the three attempts
constexpr std::size_t kDefaultMaxBody = 10 * kMiB;  // --max-body

// The flags that keep the slow cases quick: a stalled transfer is abandoned after this many
// seconds below --low-speed-limit, a trickling one after --timeout seconds in all.
constexpr int kLowSpeedSeconds = 2;
constexpr int kTotalTimeoutSeconds = 3;

// gzip of `total` spaces, deflated in 1 MiB steps (about 1 KiB of output per MiB of input).
std::string gzip_bomb(std::size_t total) {
  z_stream stream{};
  deflateInit2(&stream, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY);
  std::string block(kMiB, ' ');
  std::string out;
  char buffer[64 * 1024];
  for (std::size_t fed = 0; fed < total; fed += block.size()) {
    stream.next_in = reinterpret_cast<Bytef*>(block.data());
    stream.avail_in = static_cast<uInt>(block.size());
    const int flush = fed + block.size() >= total ? Z_FINISH : Z_NO_FLUSH;
    do {
      stream.next_out = reinterpret_cast<Bytef*>(buffer);
      stream.avail_out = sizeof buffer;
      deflate(&stream, flush);
      out.append(buffer, sizeof buffer - stream.avail_out);
    } while (stream.avail_out == 0);
  }
  deflateEnd(&stream);
  return out;
}

}  // namespace

TEST_CASE("hostile: a 1 GB body is cut off at --max-body, never read whole") {
  HostileSite site;
  site.seed_links({"/huge", "/huge-chunked"});
  const std::string head = "<!doctype html><html><body>";
  const std::string filler = "<p>all work and no play makes a big page</p>\n";
  site.server.http().Get("/huge", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content_provider(kGiB, "text/html", streamed(site, head, filler, "", kGiB));
  });
  site.server.http().Get("/huge-chunked", [&](const httplib::Request&, httplib::Response& res) {
    auto body = streamed(site, head, filler, "", kGiB);
    res.set_chunked_content_provider("text/html",
                                     [body](std::size_t offset, httplib::DataSink& sink) {
                                       if (offset >= kGiB) {
                                         sink.done();
                                         return true;
                                       }
                                       return body(offset, kGiB - offset, sink);
                                     });
  });
  site.server.start();
  TempDir dir;
  auto run = tagdrift::testing::run_scan(site.server.url("/"), dir.path());
  check_scan("1 GB body", run, site, kQuickSeconds, kMaxRssKb);
  CHECK(page_error(run, dir, site.server.url("/huge")).find("exceeds") != std::string::npos);
  CHECK(page_error(run, dir, site.server.url("/huge-chunked")).find("exceeds") !=
        std::string::npos);
  // What the server got out before the client hung up: the body budget plus socket buffers.
  CHECK(site.bytes_sent < 4 * kDefaultMaxBody);
}

TEST_CASE("hostile: a gzip bomb is cut off at --max-body counted after decompression") {
  const auto bomb = std::make_shared<const std::string>(gzip_bomb(kGiB));
  REQUIRE(bomb->size() < 2 * kMiB);
  HostileSite site;
  site.seed_links({"/bomb"});
  site.server.http().Get("/bomb", [bomb](const httplib::Request&, httplib::Response& res) {
    res.set_header("Content-Encoding", "gzip");
    set_uncompressed(res, bomb, "text/html");
  });
  site.server.start();
  TempDir dir;
  auto run = tagdrift::testing::run_scan(site.server.url("/"), dir.path());
  check_scan("gzip bomb (1 GiB)", run, site, kQuickSeconds, kMaxRssKb);
  CHECK(page_error(run, dir, site.server.url("/bomb")).find("exceeds") != std::string::npos);
}

TEST_CASE("hostile: a body that stalls is abandoned by --low-speed-time, retries included") {
  HostileSite site;
  site.seed_links({"/stall"});
  site.server.http().Get("/stall", [&](const httplib::Request&, httplib::Response& res) {
    res.set_chunked_content_provider("text/html", [&](std::size_t offset, httplib::DataSink& sink) {
      if (offset == 0) return sink.write("<html><body><p>", 15);
      for (int i = 0; i < 600 && !site.quit; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      }
      return false;
    });
  });
  site.server.start();
  TempDir dir;
  auto run = tagdrift::testing::run_scan(site.server.url("/"), dir.path(),
                                         {"--low-speed-time", std::to_string(kLowSpeedSeconds)});
  // Three attempts, each abandoned after kLowSpeedSeconds, and the backoff between them.
  constexpr double kBound = (kDefaultRetries + 1) * kLowSpeedSeconds + kRetryBackoffSeconds + 10;
  check_scan("stalled body", run, site, kBound, kMaxRssKb);
  CHECK_FALSE(page_error(run, dir, site.server.url("/stall")).empty());
  CHECK(site.log.count("/stall") == kDefaultRetries + 1);
}

TEST_CASE("hostile: a body trickling one byte a second is abandoned at --timeout") {
  HostileSite site;
  site.seed_links({"/trickle"});
  site.server.http().Get("/trickle", [&](const httplib::Request&, httplib::Response& res) {
    res.set_chunked_content_provider("text/html", [&](std::size_t offset, httplib::DataSink& sink) {
      // One byte, then a second's pause (checked often so the server can stop).
      for (int i = 0; offset > 0 && i < 20 && !site.quit; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      }
      return !site.quit && sink.write("<", 1);
    });
  });
  site.server.start();
  TempDir dir;
  // The default low-speed limit (1000 B/s for 10 s) would end it too, later; --timeout binds.
  auto run = tagdrift::testing::run_scan(site.server.url("/"), dir.path(),
                                         {"--timeout", std::to_string(kTotalTimeoutSeconds)});
  constexpr double kBound =
      (kDefaultRetries + 1) * kTotalTimeoutSeconds + kRetryBackoffSeconds + 10;
  check_scan("trickling body", run, site, kBound, kMaxRssKb);
  CHECK(page_error(run, dir, site.server.url("/trickle")).find("timed out") != std::string::npos);
}

TEST_CASE("hostile: 100,000 response headers end as a page error") {
  HostileSite site;
  site.seed_links({"/headers"});
  site.server.http().Get("/headers", [](const httplib::Request&, httplib::Response& res) {
    for (int i = 0; i < 100000; ++i) {
      res.set_header("X-Hostile-" + std::to_string(i), "the server never stops talking");
    }
    res.set_content("<p>hello</p>", "text/html");
  });
  site.server.start();
  TempDir dir;
  auto run = tagdrift::testing::run_scan(site.server.url("/"), dir.path());
  check_scan("100,000 headers", run, site, kQuickSeconds, kMaxRssKb);
  CHECK(page_error(run, dir, site.server.url("/headers")).find("header") != std::string::npos);
}
