#include "crawler/crawl.h"

#include <zlib.h>

#include <any>
#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "tests/support/loopback_server.h"
#include "tests/support/temp_dir.h"
#include "util/error.h"

using tagdrift::crawler::CrawlOptions;
using tagdrift::crawler::CrawlSummary;
using tagdrift::crawler::FoundBy;
using tagdrift::crawler::Page;
using tagdrift::testing::LoopbackServer;

namespace {

const std::string kClinic = std::string(TAGDRIFT_FIXTURES_DIR) + "/sites/clinic";

struct Crawled {
  CrawlSummary summary;
  std::map<std::string, Page> pages;  // by URL
  std::vector<std::string> order;     // every URL the sink saw, duplicates kept
};

Crawled run_crawl(CrawlOptions options) {
  Crawled crawled;
  auto process = [&options](Page& page) {
    return tagdrift::crawler::links_only(page, options.max_links_per_page);
  };
  auto sink = [&crawled](Page&& page) {
    crawled.order.push_back(page.url);
    crawled.pages[page.url] = std::move(page);
  };
  crawled.summary = tagdrift::crawler::crawl(options, process, sink);
  return crawled;
}

CrawlOptions options_for(const std::string& url) {
  CrawlOptions options;
  options.targets = {url};
  options.retry_base_ms = 50;
  options.timeout_ms = 10000;
  return options;
}

void serve_clinic(LoopbackServer& server) {
  server.serve_directory(kClinic);
  server.http().Get("/sitemap.xml", [&server](const httplib::Request&, httplib::Response& res) {
    res.set_content(
        "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/"
        "sitemap/0.9\"><url><loc>" +
            server.url("/lp/spring/") + "</loc></url></urlset>",
        "application/xml");
  });
}

std::string gzip(const std::string& data) {
  z_stream stream{};
  deflateInit2(&stream, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&stream, data.size()), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

}  // namespace

TEST_CASE("crawl: every linked and sitemap page is fetched once, tracking parameters dropped") {
  LoopbackServer server;
  serve_clinic(server);
  server.start();
  auto crawled = run_crawl(options_for(server.url("/")));

  std::set<std::string> fetched;
  for (const auto& [url, page] : crawled.pages) {
    if (page.error.empty() && page.skipped.empty()) fetched.insert(url);
  }
  CHECK(fetched == std::set<std::string>{server.url("/"), server.url("/about/"),
                                         server.url("/services/"),
                                         server.url("/services/fertility/"),
                                         server.url("/index.html"), server.url("/lp/spring/")});
  CHECK(crawled.order.size() == crawled.pages.size());  // nothing reported twice
  CHECK(crawled.pages.at(server.url("/lp/spring/")).found_by == FoundBy::kSitemap);
  CHECK(crawled.pages.at(server.url("/")).found_by == FoundBy::kSeed);
  CHECK(crawled.pages.at(server.url("/services/fertility/")).depth == 2);
  CHECK(crawled.pages.at(server.url("/services/fertility/")).referrer == server.url("/services/"));
  CHECK(crawled.pages.at(server.url("/")).status == 200);
  CHECK(crawled.summary.failed_targets.empty());
}

TEST_CASE("crawl: robots.txt disallowed pages are reported as skipped, not fetched") {
  LoopbackServer server;
  std::atomic<int> secret_hits{0};
  server.http().set_pre_routing_handler([&](const httplib::Request& req, httplib::Response&) {
    if (req.path == "/private/secret.html") ++secret_hits;
    return httplib::Server::HandlerResponse::Unhandled;
  });
  serve_clinic(server);
  server.start();
  auto crawled = run_crawl(options_for(server.url("/")));
  const Page& secret = crawled.pages.at(server.url("/private/secret.html"));
  CHECK(secret.skipped == "disallowed by robots.txt");
  CHECK(secret_hits == 0);
  CHECK(crawled.summary.pages_skipped >= 1);

  auto options = options_for(server.url("/"));
  options.ignore_robots = true;
  auto ignoring = run_crawl(options);
  CHECK(ignoring.pages.at(server.url("/private/secret.html")).skipped.empty());
  CHECK(secret_hits == 1);
}

TEST_CASE("crawl: a non-HTML link is recorded as skipped without reading its body") {
  LoopbackServer server;
  serve_clinic(server);
  server.start();
  auto crawled = run_crawl(options_for(server.url("/")));
  const Page& pdf = crawled.pages.at(server.url("/brochure.pdf"));
  CHECK(pdf.skipped.rfind("not HTML", 0) == 0);
  CHECK(pdf.error.empty());
}

TEST_CASE("crawl: redirects are followed inside scope and the final URL is kept") {
  LoopbackServer server;
  auto& http = server.http();
  http.Get("/", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(
        "<a href='/old'>old</a><a href='/loop1'>l</a><a href='/away'>a</a>"
        "<a href='/file'>f</a><a href='/ftp'>f</a><a href='/chain0'>c</a>",
        "text/html");
  });
  http.Get("/old",
           [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/new"); });
  http.Get("/new", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("<p>new</p>", "text/html");
  });
  http.Get("/loop1",
           [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/loop2"); });
  http.Get("/loop2",
           [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/loop1"); });
  http.Get("/away", [](const httplib::Request&, httplib::Response& res) {
    res.set_redirect("http://elsewhere.invalid/");
  });
  http.Get("/file", [](const httplib::Request&, httplib::Response& res) {
    res.set_redirect("file:///etc/passwd");
  });
  http.Get("/ftp", [](const httplib::Request&, httplib::Response& res) {
    res.set_redirect("ftp://127.0.0.1/");
  });
  http.Get(R"(/chain(\d+))", [](const httplib::Request& req, httplib::Response& res) {
    res.set_redirect("/chain" + std::to_string(std::stoi(req.matches[1]) + 1));
  });
  server.start();
  auto options = options_for(server.url("/"));
  options.ignore_robots = true;
  auto crawled = run_crawl(options);
  CHECK(crawled.pages.at(server.url("/old")).final_url == server.url("/new"));
  CHECK(crawled.pages.at(server.url("/old")).error.empty());
  CHECK(crawled.pages.at(server.url("/loop1")).error.find("redirect loop") != std::string::npos);
  CHECK(crawled.pages.at(server.url("/away")).skipped ==
        "redirected out of scope to http://elsewhere.invalid/");
  CHECK_FALSE(crawled.pages.at(server.url("/file")).error.empty());
  CHECK_FALSE(crawled.pages.at(server.url("/ftp")).error.empty());
  CHECK(crawled.pages.at(server.url("/chain0")).error.find("redirects") != std::string::npos);
  CHECK(crawled.pages.count(server.url("/new")) == 0);  // fetched once, under /old
}

TEST_CASE("crawl: 503 and 429 are retried with backoff and Retry-After") {
  LoopbackServer server;
  std::atomic<int> flaky{0}, limited{0};
  auto& http = server.http();
  http.Get("/", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("<a href='/flaky'>f</a><a href='/limited'>l</a><a href='/down'>d</a>",
                    "text/html");
  });
  http.Get("/flaky", [&](const httplib::Request&, httplib::Response& res) {
    if (++flaky < 3) {
      res.status = 503;
      return;
    }
    res.set_content("ok", "text/html");
  });
  http.Get("/limited", [&](const httplib::Request&, httplib::Response& res) {
    if (++limited == 1) {
      res.status = 429;
      res.set_header("Retry-After", "1");
      return;
    }
    res.set_content("ok", "text/html");
  });
  http.Get("/down", [](const httplib::Request&, httplib::Response& res) { res.status = 500; });
  server.start();
  auto options = options_for(server.url("/"));
  options.ignore_robots = true;
  auto started = std::chrono::steady_clock::now();
  auto crawled = run_crawl(options);
  auto elapsed = std::chrono::steady_clock::now() - started;
  CHECK(crawled.pages.at(server.url("/flaky")).error.empty());
  CHECK(flaky == 3);
  CHECK(crawled.pages.at(server.url("/limited")).error.empty());
  CHECK(elapsed >= std::chrono::milliseconds(950));
  CHECK(crawled.pages.at(server.url("/down")).error == "HTTP 500");
}

TEST_CASE("crawl: bodies past --max-body and gzip bombs end as page errors") {
  LoopbackServer server;
  const std::string bomb = gzip(std::string(64u << 20, ' '));
  auto& http = server.http();
  http.Get("/", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("<a href='/big'>b</a><a href='/bomb'>g</a>", "text/html");
  });
  http.Get("/big", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(std::string(3u << 20, 'x'), "text/html");
  });
  http.Get("/bomb", [&bomb](const httplib::Request&, httplib::Response& res) {
    res.set_header("Content-Encoding", "gzip");
    res.set_content(bomb, "text/html");
  });
  server.start();
  auto options = options_for(server.url("/"));
  options.ignore_robots = true;
  options.max_body_bytes = 1u << 20;
  auto crawled = run_crawl(options);
  CHECK(crawled.pages.at(server.url("/big")).error.find("exceeds") != std::string::npos);
  CHECK(crawled.pages.at(server.url("/bomb")).error.find("exceeds") != std::string::npos);
}

TEST_CASE("crawl: a server that stalls mid-body is cut off by the low-speed limit") {
  LoopbackServer server;
  std::atomic<bool> stop{false};
  auto& http = server.http();
  http.Get("/", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("<a href='/stall'>s</a>", "text/html");
  });
  http.Get("/stall", [&stop](const httplib::Request&, httplib::Response& res) {
    res.set_chunked_content_provider("text/html", [&stop](size_t, httplib::DataSink& sink) {
      sink.write("<p>", 3);
      for (int i = 0; i < 100 && !stop; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      return false;
    });
  });
  server.start();
  auto options = options_for(server.url("/"));
  options.ignore_robots = true;
  options.low_speed_seconds = 1;
  options.retries = 0;
  auto started = std::chrono::steady_clock::now();
  auto crawled = run_crawl(options);
  stop = true;
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(4));
  CHECK_FALSE(crawled.pages.at(server.url("/stall")).error.empty());
}

TEST_CASE("crawl: an infinite link trap ends at the page, depth and query-variant limits") {
  LoopbackServer server;
  server.http().Get(R"(/trap/(\d+))", [](const httplib::Request& req, httplib::Response& res) {
    int n = std::stoi(req.matches[1]);
    res.set_content("<a href='/trap/" + std::to_string(n + 1) +
                        "'>next</a><a href='/cal?d=" + std::to_string(n) + "'>cal</a>",
                    "text/html");
  });
  server.http().Get("/cal", [](const httplib::Request& req, httplib::Response& res) {
    int d = std::stoi(req.get_param_value("d"));
    res.set_content("<a href='/cal?d=" + std::to_string(d + 1) + "'>next day</a>", "text/html");
  });
  server.start();
  auto options = options_for(server.url("/trap/0"));
  options.ignore_robots = true;
  options.max_depth = 30;
  options.max_query_variants = 5;
  auto crawled = run_crawl(options);
  std::size_t trap = 0, cal = 0;
  for (const auto& [url, page] : crawled.pages) {
    (url.find("/cal") != std::string::npos ? cal : trap) += 1;
  }
  CHECK(trap == 31);
  CHECK(cal == 5);
  CHECK(crawled.summary.links_over_budget > 0);

  options.max_pages = 10;
  CHECK(run_crawl(options).pages.size() == 10);
}

TEST_CASE("crawl: a target that cannot be scanned is reported as a failed target") {
  LoopbackServer server;
  server.http().Get("/", [](const httplib::Request&, httplib::Response& res) { res.status = 404; });
  server.http().Get("/image", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("GIF89a", "image/gif");
  });
  server.start();
  auto options = options_for(server.url("/"));
  options.targets.push_back(server.url("/image"));
  options.targets.push_back("http://127.0.0.1:1/");  // nothing listens on port 1
  options.retries = 0;
  auto crawled = run_crawl(options);
  REQUIRE(crawled.summary.failed_targets.size() == 3);
  CHECK(crawled.pages.at(server.url("/")).error == "HTTP 404");
  CHECK_FALSE(crawled.pages.at("http://127.0.0.1:1/").error.empty());
}

TEST_CASE("crawl: a target that is not http(s) is a usage error") {
  auto options = options_for("file:///etc/passwd");
  CHECK_THROWS_AS(run_crawl(options), tagdrift::Error);
  options = options_for("ftp://127.0.0.1/");
  CHECK_THROWS_AS(run_crawl(options), tagdrift::Error);
}

TEST_CASE("crawl: headers, cookies and basic auth reach the server") {
  LoopbackServer server;
  std::mutex mutex;
  std::string header, cookie, authorization;
  server.http().Get("/", [&](const httplib::Request& req, httplib::Response& res) {
    std::lock_guard lock(mutex);
    header = req.get_header_value("X-Staging");
    cookie = req.get_header_value("Cookie");
    authorization = req.get_header_value("Authorization");
    res.set_content("<p>hi</p>", "text/html");
  });
  server.start();
  setenv("TAGDRIFT_TEST_AUTH", "ann:s3cret", 1);
  auto options = options_for(server.url("/"));
  options.ignore_robots = true;
  options.headers = {"X-Staging: yes"};
  options.cookies = {"session=abc"};
  options.basic_auth_env = "TAGDRIFT_TEST_AUTH";
  run_crawl(options);
  CHECK(header == "yes");
  CHECK(cookie == "session=abc");
  CHECK(authorization == "Basic YW5uOnMzY3JldA==");

  options.basic_auth_env = "TAGDRIFT_TEST_AUTH_MISSING";
  CHECK_THROWS_AS(run_crawl(options), tagdrift::Error);
}

TEST_CASE("crawl: --resolve and --scope domain cover sibling hosts of one site") {
  LoopbackServer server;
  server.http().Get("/", [&server](const httplib::Request& req, httplib::Response& res) {
    std::string port = std::to_string(server.port());
    if (req.get_header_value("Host").rfind("www.", 0) == 0) {
      res.set_content("<a href='http://blog.clinic.test:" + port + "/'>blog</a>", "text/html");
    } else {
      res.set_content("<p>blog</p>", "text/html");
    }
  });
  server.start();
  std::string port = std::to_string(server.port());
  auto options = options_for("http://www.clinic.test:" + port + "/");
  options.ignore_robots = true;
  options.use_sitemaps = false;
  options.resolve = {"www.clinic.test:" + port + ":127.0.0.1",
                     "blog.clinic.test:" + port + ":127.0.0.1"};
  CHECK(run_crawl(options).pages.size() == 1);
  options.scope = tagdrift::crawler::ScopeMode::kDomain;
  auto crawled = run_crawl(options);
  CHECK(crawled.pages.size() == 2);
  CHECK(crawled.pages.at("http://blog.clinic.test:" + port + "/").error.empty());
}

// A staging site whose robots.txt names production's sitemap, which lists production URLs.
struct StagingSite {
  LoopbackServer server;
  std::string port;
  std::string production, staging;  // origins
  std::set<std::string> staging_paths;
  std::mutex mutex;

  StagingSite() {
    server.http().Get(R"(/.*)", [this](const httplib::Request& req, httplib::Response& res) {
      std::string host = req.get_header_value("Host");
      if (host.rfind("staging.", 0) == 0) {
        std::lock_guard lock(mutex);
        staging_paths.insert(req.path);
      }
      const std::string origin = "http://www.site.test:" + std::to_string(server.port());
      if (req.path == "/robots.txt") {
        res.set_content("User-agent: *\nAllow: /\nSitemap: " + origin + "/sitemap.xml\n",
                        "text/plain");
      } else if (req.path == "/sitemap.xml") {
        res.set_content("<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'><url><loc>" +
                            origin + "/lp/spring</loc></url><url><loc>" + origin +
                            "/lp/summer</loc></url><url><loc>" + origin +
                            "/lp/spring</loc></url></urlset>",
                        "application/xml");
      } else {
        res.set_content("<p>" + req.path + "</p>", "text/html");
      }
    });
    server.start();
    port = std::to_string(server.port());
    production = "http://www.site.test:" + port;
    staging = "http://staging.site.test:" + port;
  }

  CrawlOptions options() const {
    CrawlOptions options = options_for(staging + "/");
    options.resolve = {"www.site.test:" + port + ":127.0.0.1",
                       "staging.site.test:" + port + ":127.0.0.1"};
    return options;
  }
};

TEST_CASE("crawl: sitemap URLs on another origin are counted and recorded as skipped pages") {
  StagingSite site;
  auto crawled = run_crawl(site.options());
  CHECK(crawled.summary.sitemap_urls_off_site == 2);
  CHECK(crawled.summary.off_site_origins == std::vector<std::string>{site.production});
  for (const char* path : {"/lp/spring", "/lp/summer"}) {
    INFO(path);
    const Page& page = crawled.pages.at(site.production + path);
    CHECK(page.skipped == "sitemap URL on another origin; not crawled (see --map-origin)");
    CHECK(page.found_by == FoundBy::kSitemap);
    CHECK(page.referrer == site.production + "/sitemap.xml");
    CHECK(site.staging_paths.count(path) == 0);
  }
  CHECK(crawled.summary.pages_skipped == 2);
  CHECK(crawled.order.size() == 3);  // the seed and each skipped URL once
}

TEST_CASE("crawl: --map-origin crawls production's sitemap pages on the target") {
  StagingSite site;
  auto options = site.options();
  options.map_origins = {site.production + "=" + site.staging};
  auto crawled = run_crawl(options);
  CHECK(crawled.summary.sitemap_urls_off_site == 0);
  CHECK(crawled.summary.pages_skipped == 0);
  for (const char* path : {"/lp/spring", "/lp/summer"}) {
    INFO(path);
    const Page& page = crawled.pages.at(site.staging + path);
    CHECK(page.error.empty());
    CHECK(page.found_by == FoundBy::kSitemap);
    CHECK(page.referrer == site.staging + "/sitemap.xml");  // the robots.txt line was mapped too
    CHECK(site.staging_paths.count(path) == 1);
  }
  CHECK(site.staging_paths.count("/sitemap.xml") == 1);
  CHECK(crawled.pages.count(site.production + "/lp/spring") == 0);
}

TEST_CASE("crawl: --map-origin moves links to production onto the target") {
  LoopbackServer server;
  server.http().Get("/", [&server](const httplib::Request&, httplib::Response& res) {
    res.set_content(
        "<a href='http://www.site.test:" + std::to_string(server.port()) + "/contact'>contact</a>",
        "text/html");
  });
  server.http().Get("/contact", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("<p>contact</p>", "text/html");
  });
  server.start();
  auto options = options_for(server.url("/"));
  options.ignore_robots = true;
  options.use_sitemaps = false;
  CHECK(run_crawl(options).pages.size() == 1);
  options.map_origins = {"http://www.site.test:" + std::to_string(server.port()) + "=" +
                         server.url("")};
  auto crawled = run_crawl(options);
  REQUIRE(crawled.pages.count(server.url("/contact")) == 1);
  CHECK(crawled.pages.at(server.url("/contact")).error.empty());
}

TEST_CASE("crawl: a bad --map-origin is refused before anything is fetched") {
  auto options = options_for("http://127.0.0.1:1/");
  options.map_origins = {"https://www.site.example/shop=https://staging.site.example"};
  CHECK_THROWS_AS(tagdrift::crawler::check_crawl_options(options), tagdrift::Error);
  CHECK_THROWS_AS(run_crawl(options), tagdrift::Error);
}

TEST_CASE("crawl: --concurrency bounds the transfers at once and --rate paces them") {
  LoopbackServer server;
  std::atomic<int> active{0}, peak{0};
  server.http().Get(R"(/p/(\d+))", [&](const httplib::Request&, httplib::Response& res) {
    int now = ++active;
    int seen = peak.load();
    while (now > seen && !peak.compare_exchange_weak(seen, now)) {
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    --active;
    res.set_content("<p>x</p>", "text/html");
  });
  server.http().Get("/", [](const httplib::Request&, httplib::Response& res) {
    std::string links;
    for (int i = 0; i < 40; ++i) links += "<a href='/p/" + std::to_string(i) + "'>p</a>";
    res.set_content(links, "text/html");
  });
  server.start();
  auto options = options_for(server.url("/"));
  options.ignore_robots = true;
  options.use_sitemaps = false;
  options.concurrency = 3;
  CHECK(run_crawl(options).summary.pages_fetched == 41);
  CHECK(peak <= 3);
  CHECK(peak >= 2);

  options.rate = 20;
  options.concurrency = 8;
  auto started = std::chrono::steady_clock::now();
  run_crawl(options);
  CHECK(std::chrono::steady_clock::now() - started >= std::chrono::milliseconds(1900));
}

TEST_CASE("crawl: invalid UTF-8 and legacy charsets are parsed without harm") {
  LoopbackServer server;
  server.http().Get("/", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(
        "<meta charset='windows-1252'><p>caf\xe9 \xff\xfe\xc3</p><a href='/\xe9t\xe9'>x</a>",
        "text/html; charset=windows-1252");
  });
  server.start();
  auto options = options_for(server.url("/"));
  options.ignore_robots = true;
  auto crawled = run_crawl(options);
  CHECK(crawled.pages.at(server.url("/")).error.empty());
}

TEST_CASE("crawl: a directory target maps files to URLs under --base-url") {
  tagdrift::testing::TempDir site;
  site.write("index.html", "<a href='/a/'>a</a>");
  site.write("a/index.html", "<p>a</p>");
  site.write("blog/post.html", "<p>post</p>");
  site.write("theme/header.php", "<?php wp_head(); ?><p>x</p>");
  site.write("style.css", "p{}");
  CrawlOptions options;
  options.targets = {site.path().string()};
  options.base_url = "https://www.clinic.test";
  auto crawled = run_crawl(options);
  std::set<std::string> urls;
  for (const auto& [url, page] : crawled.pages) urls.insert(url);
  CHECK(urls == std::set<std::string>{"https://www.clinic.test/", "https://www.clinic.test/a/",
                                      "https://www.clinic.test/blog/post.html",
                                      "https://www.clinic.test/theme/header.php"});
  CHECK(crawled.summary.pages_fetched == 4);
}

TEST_CASE("crawl: a TLS handshake failure ends that target with a clear error") {
  LoopbackServer server;
  server.http().Get("/", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("<p>plain http</p>", "text/html");
  });
  server.start();
  auto options = options_for("https://127.0.0.1:" + std::to_string(server.port()) + "/");
  options.retries = 0;
  auto crawled = run_crawl(options);
  REQUIRE(crawled.summary.failed_targets.size() == 1);
  const Page& page = crawled.pages.begin()->second;
  CHECK_FALSE(page.error.empty());
  CHECK(page.status == 0);
}

// A processor that fails on one page the way `what` says, and reads links on the others.
tagdrift::crawler::PageProcessor failing_on(const std::string& path, const std::string& what) {
  return [path, what](Page& page) -> std::vector<std::string> {
    if (page.url.find(path) != std::string::npos) {
      if (what == "page") throw std::runtime_error("the page's stored links are damaged");
      if (what == "error") throw tagdrift::Error(tagdrift::ExitCode::kUsage, "database error");
      throw std::bad_alloc();
    }
    return tagdrift::crawler::links_only(page, 1000);
  };
}

// Runs `check` with the options of a crawl of a served site, then of a directory target: a page's
// work runs on the parse workers in both, through different code.
template <typename Check>
void for_url_and_directory(Check check) {
  LoopbackServer server;
  serve_clinic(server);
  server.start();
  tagdrift::testing::TempDir site;
  site.write("index.html", "<a href='/services/'>services</a>");
  site.write("services/index.html", "<p>services</p>");
  for (const std::string& target : {server.url("/"), site.path().string()}) {
    INFO(target);
    auto options = options_for(target);
    options.base_url = "https://www.clinic.test";
    check(options);
  }
}

TEST_CASE("crawl: what a page causes is its error; an Error or out of memory ends the crawl") {
  for_url_and_directory([](const CrawlOptions& options) {
    std::map<std::string, Page> pages;
    auto sink = [&pages](Page&& page) { pages[page.url] = std::move(page); };
    auto summary = tagdrift::crawler::crawl(options, failing_on("/services/", "page"), sink);
    std::string failed;
    for (const auto& [url, page] : pages) {
      if (url.find("/services/") != std::string::npos) failed = page.error;
    }
    CHECK(failed == "could not process the page: the page's stored links are damaged");
    CHECK(summary.pages_failed >= 1);
    try {
      tagdrift::crawler::crawl(options, failing_on("/services/", "error"), sink);
      FAIL("an Error thrown for a page did not end the crawl");
    } catch (const tagdrift::Error& e) {
      CHECK(e.code() == tagdrift::ExitCode::kUsage);
      CHECK(std::string(e.what()) == "database error");
    }
    CHECK_THROWS_AS(tagdrift::crawler::crawl(options, failing_on("/services/", "memory"), sink),
                    std::bad_alloc);
  });
}

TEST_CASE("crawl: what the processor makes of a page reaches the sink with that page") {
  for_url_and_directory([](const CrawlOptions& options) {
    auto process = [](Page& page) {
      page.result = "made from " + page.url;  // on a worker thread
      return tagdrift::crawler::links_only(page, 1000);
    };
    std::size_t processed = 0;
    auto sink = [&processed](Page&& page) {
      if (!page.result.has_value()) return;  // skipped or failed: never processed
      CHECK(std::any_cast<std::string>(page.result) == "made from " + page.url);
      ++processed;
    };
    auto summary = tagdrift::crawler::crawl(options, process, sink);
    CHECK(processed == summary.pages_fetched);
    CHECK(processed >= 2);
  });
}
