// Hostile discovery files: a 50 MB robots.txt, sitemap indexes that point at themselves or at an
// endless chain of new ones. Each is read within its budget and obeyed.
#include <catch2/catch.hpp>

#include "tests/hostile/hostile_site.h"

// The hostile-test kit: HostileSite, check_scan, page_error, the size units and bounds.
using namespace tagdrift::testing;  // NOLINT(google-build-using-namespace)

namespace {

constexpr std::size_t kRobotsBudget = 1 * kMiB;  // crawler/crawl_robots.cc: robots.txt read
constexpr std::size_t kMaxSitemaps = 100;        // crawler/crawl_robots.cc: sitemaps per crawl

}  // namespace

TEST_CASE("hostile: a 50 MB robots.txt is read up to its budget and obeyed") {
  HostileSite site;
  site.seed_links({"/private/a", "/open"});
  constexpr std::size_t kRobotsSize = 50 * kMiB;
  site.server.http().Get("/robots.txt", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content_provider(
        kRobotsSize, "text/plain",
        streamed(site, "User-agent: *\nDisallow: /private/\n",
                 "# a comment that goes on and on and on\n", "\nDisallow: /open\n", kRobotsSize));
  });
  site.server.http().Get(R"(/(private/a|open))",
                         [](const httplib::Request&, httplib::Response& res) {
                           res.set_content("<p>page</p>", "text/html");
                         });
  site.server.start();
  TempDir dir;
  auto run = tagdrift::testing::run_scan(site.server.url("/"), dir.path());
  check_scan("50 MB robots.txt", run, site, kQuickSeconds, kMaxRssKb);
  const auto* disallowed = find_page(run.report, site.server.url("/private/a"));
  REQUIRE(disallowed != nullptr);
  CHECK((*disallowed)["skipped"] == "disallowed by robots.txt");
  CHECK(site.log.count("/private/a") == 0);
  // The rule at the far end lies past the 1 MiB robots.txt budget: it was never read.
  CHECK(page_error(run, dir, site.server.url("/open")).empty());
  CHECK(site.bytes_sent < kRobotsBudget + 16 * kMiB);
}

TEST_CASE("hostile: sitemap indexes that point at themselves are each read once") {
  HostileSite site;
  site.seed_links({});
  auto index = [&site](const std::vector<std::string>& locs) {
    std::string xml =
        "<?xml version='1.0'?><sitemapindex "
        "xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>";
    for (const auto& loc : locs)
      xml += "<sitemap><loc>" + site.server.url(loc) + "</loc></sitemap>";
    return xml + "</sitemapindex>";
  };
  auto& http = site.server.http();
  http.Get("/sitemap.xml", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content(index({"/sitemap.xml", "/sitemap-b.xml", "/endless.xml?n=0"}),
                    "application/xml");
  });
  http.Get("/sitemap-b.xml", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content(
        "<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
        "<url><loc>" +
            site.server.url("/from-sitemap") +
            "</loc></url>"
            "<url><loc>" +
            site.server.url("/sitemap.xml") + "</loc></url></urlset>",
        "application/xml");
  });
  // An index whose every copy names a new one: only the sitemap budget ends it.
  http.Get("/endless.xml", [&](const httplib::Request& req, httplib::Response& res) {
    int n = std::stoi(req.get_param_value("n"));
    res.set_content(index({"/endless.xml?n=" + std::to_string(n + 1), "/sitemap.xml"}),
                    "application/xml");
  });
  http.Get("/from-sitemap", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("<p>campaign</p>", "text/html");
  });
  site.server.start();
  TempDir dir;
  auto run = tagdrift::testing::run_scan(site.server.url("/"), dir.path());
  check_scan("self-referencing sitemaps", run, site, kQuickSeconds, kMaxRssKb);
  // Read once as a sitemap, and once more as the page the urlset lists, skipped as not HTML.
  CHECK(site.log.count("/sitemap.xml") == 2);
  const auto* listed = find_page(run.report, site.server.url("/sitemap.xml"));
  REQUIRE(listed != nullptr);
  CHECK(str((*listed)["skipped"]).rfind("not HTML", 0) == 0);
  CHECK(site.log.count("/sitemap-b.xml") == 1);
  CHECK(site.log.count("/endless.xml") <= static_cast<int>(kMaxSitemaps));
  const auto* campaign = find_page(run.report, site.server.url("/from-sitemap"));
  REQUIRE(campaign != nullptr);
  CHECK((*campaign)["found_by"] == "sitemap");
  CHECK(page_error(run, dir, site.server.url("/from-sitemap")).empty());
}
