#include "crawler/robots.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <string>

#include "tests/support/timing.h"

using tagdrift::crawler::Robots;
using tagdrift::testing::kSlowdown;

namespace {

Robots parse(const std::string& body) { return Robots::parse(body, "tagdrift"); }

}  // namespace

TEST_CASE("robots: no rules allows everything") {
  CHECK(Robots::allow_all().allowed("/anything?x=1"));
  CHECK(parse("").allowed("/"));
  CHECK(parse("# only a comment\n").allowed("/x"));
  CHECK_FALSE(Robots::allow_all().crawl_delay().has_value());
  CHECK(Robots::allow_all().sitemaps().empty());
}

TEST_CASE("robots: Disallow blocks the paths it prefixes") {
  const Robots robots = parse("User-agent: *\nDisallow: /private\n");
  CHECK_FALSE(robots.allowed("/private"));
  CHECK_FALSE(robots.allowed("/private/"));
  CHECK_FALSE(robots.allowed("/private.html"));
  CHECK_FALSE(robots.allowed("/private?x=1"));
  CHECK(robots.allowed("/"));
  CHECK(robots.allowed("/public/private"));
  CHECK(robots.allowed("/Private"));
}

TEST_CASE("robots: Disallow / blocks everything but robots.txt itself") {
  const Robots robots = parse("User-agent: *\nDisallow: /\n");
  CHECK_FALSE(robots.allowed("/"));
  CHECK_FALSE(robots.allowed("/index.html"));
  CHECK(robots.allowed("/robots.txt"));
}

TEST_CASE("robots: an empty Disallow allows everything") {
  const Robots robots = parse("User-agent: *\nDisallow:\n");
  CHECK(robots.allowed("/"));
  CHECK(robots.allowed("/x"));
}

TEST_CASE("robots: the longest matching rule wins") {
  const Robots robots = parse(
      "User-agent: *\n"
      "Disallow: /patients\n"
      "Allow: /patients/forms\n"
      "Disallow: /patients/forms/intake\n");
  CHECK_FALSE(robots.allowed("/patients/records"));
  CHECK(robots.allowed("/patients/forms/consent.pdf"));
  CHECK_FALSE(robots.allowed("/patients/forms/intake.pdf"));
}

TEST_CASE("robots: Allow wins a tie of equal length") {
  CHECK(parse("User-agent: *\nDisallow: /page\nAllow: /page\n").allowed("/page"));
  CHECK(parse("User-agent: *\nAllow: /page\nDisallow: /page\n").allowed("/page"));
  CHECK(parse("User-agent: *\nDisallow: /*.html\nAllow: /a/b.html\n").allowed("/a/b.html"));
}

TEST_CASE("robots: * matches any sequence of characters") {
  const Robots robots = parse("User-agent: *\nDisallow: /*/print\nDisallow: /*.pdf\n");
  CHECK_FALSE(robots.allowed("/news/print"));
  CHECK_FALSE(robots.allowed("/a/b/print/page"));
  CHECK_FALSE(robots.allowed("/files/brochure.pdf"));
  CHECK_FALSE(robots.allowed("/files/brochure.pdf?download=1"));
  CHECK(robots.allowed("/print"));
  CHECK(robots.allowed("/files/brochure.PDF"));
}

TEST_CASE("robots: $ anchors the end of the path") {
  const Robots robots = parse("User-agent: *\nDisallow: /*.php$\nDisallow: /exact$\n");
  CHECK_FALSE(robots.allowed("/index.php"));
  CHECK(robots.allowed("/index.php?x=1"));
  CHECK(robots.allowed("/index.php5"));
  CHECK_FALSE(robots.allowed("/exact"));
  CHECK(robots.allowed("/exact/"));
  CHECK(robots.allowed("/exactly"));
}

TEST_CASE("robots: a $ that is not last is an ordinary character") {
  const Robots robots = parse("User-agent: *\nDisallow: /a$b\n");
  CHECK_FALSE(robots.allowed("/a$b/c"));
  CHECK(robots.allowed("/a"));
}

TEST_CASE("robots: wildcards that need backtracking in a naive matcher still match right") {
  const Robots robots = parse("User-agent: *\nDisallow: /*ab*abc$\nAllow: /*x*y*z\n");
  CHECK_FALSE(robots.allowed("/ababababc"));
  CHECK_FALSE(robots.allowed("/abxabc"));
  CHECK(robots.allowed("/ababab"));
  CHECK(robots.allowed("/abcab"));
  CHECK(parse("User-agent: *\nDisallow: /*a*a*a*a*a*a*a*a*a*a*b\n")
            .allowed("/" + std::string(5000, 'a')));
  CHECK(parse("User-agent: *\nDisallow: /**\n").allowed("/robots.txt"));
  CHECK_FALSE(parse("User-agent: *\nDisallow: /**\n").allowed("/x"));
  CHECK_FALSE(parse("User-agent: *\nDisallow: *\n").allowed("/x"));
  CHECK_FALSE(parse("User-agent: *\nDisallow: /a*$\n").allowed("/abc"));
}

TEST_CASE("robots: the group naming our product token wins over *") {
  const std::string body =
      "User-agent: *\n"
      "Disallow: /\n"
      "\n"
      "User-agent: TagDrift\n"
      "Disallow: /admin\n";
  const Robots ours = Robots::parse(body, "tagdrift");
  CHECK(ours.allowed("/"));
  CHECK_FALSE(ours.allowed("/admin"));
  const Robots other = Robots::parse(body, "otherbot");
  CHECK_FALSE(other.allowed("/"));
}

TEST_CASE("robots: our token is matched case-insensitively and without its version") {
  const std::string body = "User-agent: TAGDRIFT/2.0\nDisallow: /x\n";
  CHECK_FALSE(Robots::parse(body, "tagdrift").allowed("/x"));
  CHECK_FALSE(Robots::parse(body, "tagdrift/0.1 (+https://example.org)").allowed("/x"));
  CHECK(Robots::parse(body, "tag").allowed("/x"));
  CHECK(Robots::parse("User-agent: tagdriftbot\nDisallow: /x\n", "tagdrift").allowed("/x"));
}

TEST_CASE("robots: consecutive User-agent lines share one group") {
  const std::string body =
      "User-agent: googlebot\n"
      "User-agent: tagdrift\n"
      "Disallow: /shared\n"
      "User-agent: other\n"
      "Disallow: /other\n";
  const Robots robots = parse(body);
  CHECK_FALSE(robots.allowed("/shared"));
  CHECK(robots.allowed("/other"));
}

TEST_CASE("robots: several groups for the same agent merge") {
  const std::string body =
      "User-agent: tagdrift\nDisallow: /a\n\n"
      "User-agent: other\nDisallow: /b\n\n"
      "User-agent: tagdrift\nDisallow: /c\n";
  const Robots robots = parse(body);
  CHECK_FALSE(robots.allowed("/a"));
  CHECK(robots.allowed("/b"));
  CHECK_FALSE(robots.allowed("/c"));
}

TEST_CASE("robots: without a group for us or for *, everything is allowed") {
  const Robots robots = parse("User-agent: googlebot\nDisallow: /\n");
  CHECK(robots.allowed("/"));
}

TEST_CASE("robots: rules before any User-agent line are ignored") {
  CHECK(parse("Disallow: /\nUser-agent: *\nDisallow: /x\n").allowed("/y"));
}

TEST_CASE("robots: a group with both * and our token applies once") {
  const Robots robots = parse("User-agent: *\nUser-agent: tagdrift\nDisallow: /x\n");
  CHECK_FALSE(robots.allowed("/x"));
  CHECK_FALSE(
      Robots::parse("User-agent: *\nUser-agent: tagdrift\nDisallow: /x\n", "other").allowed("/x"));
}

TEST_CASE("robots: keys are case-insensitive and common misspellings count") {
  const Robots robots = parse("USER-AGENT: *\ndisallow: /a\nDISSALLOW: /b\nuseragent: x\n");
  CHECK_FALSE(robots.allowed("/a"));
  CHECK_FALSE(robots.allowed("/b"));
}

TEST_CASE("robots: comments, blank lines, CRLF, CR, BOM and lines without a colon") {
  const std::string body =
      "\xEF\xBB\xBF# robots for the clinic\r\n"
      "User-agent: * # everyone\r\n"
      "this line has no colon\r\n"
      "\r\n"
      "Disallow: /a # not /a#b\r"
      "Disallow:/b\r\n"
      "  Disallow  :   /c   \r\n"
      "Unknown-key: value\r\n";
  const Robots robots = parse(body);
  CHECK_FALSE(robots.allowed("/a"));
  CHECK_FALSE(robots.allowed("/b"));
  CHECK_FALSE(robots.allowed("/c"));
  CHECK(robots.allowed("/d"));
}

TEST_CASE("robots: percent-encoding is compared in one normal form") {
  const Robots robots = parse(
      "User-agent: *\n"
      "Disallow: /%7ejoe\n"
      "Disallow: /a%2fb\n"
      "Disallow: /caf\xC3\xA9\n"
      "Disallow: /%e2%82%ac\n");
  CHECK_FALSE(robots.allowed("/~joe/"));
  CHECK_FALSE(robots.allowed("/%7Ejoe"));
  CHECK_FALSE(robots.allowed("/a%2Fb"));
  CHECK(robots.allowed("/a/b"));
  CHECK_FALSE(robots.allowed("/caf%C3%A9"));
  CHECK_FALSE(robots.allowed("/caf\xC3\xA9"));
  CHECK_FALSE(robots.allowed("/%E2%82%AC"));
}

TEST_CASE("robots: a rule without a leading slash is read as a path") {
  CHECK_FALSE(parse("User-agent: *\nDisallow: private\n").allowed("/private/x"));
}

TEST_CASE("robots: the query is part of what rules match") {
  const Robots robots = parse("User-agent: *\nDisallow: /*?sessionid=\nDisallow: /search?\n");
  CHECK_FALSE(robots.allowed("/page?sessionid=1"));
  CHECK_FALSE(robots.allowed("/search?q=x"));
  CHECK(robots.allowed("/search"));
  CHECK(robots.allowed("/page"));
}

TEST_CASE("robots: /robots.txt is always allowed") {
  CHECK(parse("User-agent: *\nDisallow: /robots.txt\n").allowed("/robots.txt"));
}

TEST_CASE("robots: an empty path is the root") {
  CHECK_FALSE(parse("User-agent: *\nDisallow: /$\n").allowed(""));
}

TEST_CASE("robots: Sitemap lines are collected whatever group they are in") {
  const Robots robots = parse(
      "Sitemap: https://a.example/sitemap.xml\n"
      "User-agent: googlebot\n"
      "Disallow: /\n"
      "sitemap:   https://a.example/news.xml.gz   \n"
      "User-agent: *\n"
      "Sitemap:\n"
      "SITEMAP: https://cdn.example/s.xml\n");
  REQUIRE(robots.sitemaps().size() == 3);
  CHECK(robots.sitemaps()[0] == "https://a.example/sitemap.xml");
  CHECK(robots.sitemaps()[1] == "https://a.example/news.xml.gz");
  CHECK(robots.sitemaps()[2] == "https://cdn.example/s.xml");
}

TEST_CASE("robots: Sitemap lines do not end a run of User-agent lines") {
  const Robots robots = parse("User-agent: tagdrift\nSitemap: /s.xml\nDisallow: /x\n");
  CHECK_FALSE(robots.allowed("/x"));
}

TEST_CASE("robots: Crawl-delay comes from the applying group and is capped") {
  CHECK(parse("User-agent: *\nCrawl-delay: 2.5\n").crawl_delay() == 2.5);
  CHECK(parse("User-agent: *\nCrawl-delay: 3600\n").crawl_delay() == Robots::kMaxCrawlDelaySeconds);
  CHECK_FALSE(parse("User-agent: *\nCrawl-delay: -1\n").crawl_delay().has_value());
  CHECK_FALSE(parse("User-agent: *\nCrawl-delay: soon\n").crawl_delay().has_value());
  CHECK_FALSE(parse("User-agent: *\nCrawl-delay: nan\n").crawl_delay().has_value());
  CHECK_FALSE(parse("User-agent: *\nCrawl-delay: inf\n").crawl_delay().has_value());
  CHECK_FALSE(parse("User-agent: other\nCrawl-delay: 5\n").crawl_delay().has_value());
  CHECK(parse("User-agent: *\nCrawl-delay: 9\nUser-agent: tagdrift\nCrawl-delay: 1\n")
            .crawl_delay() == 1);
  CHECK(parse("User-agent: *\nCrawl-delay: 0\n").crawl_delay() == 0);
}

TEST_CASE("robots: only the first 500 KiB are read") {
  std::string body = "User-agent: *\nDisallow: /early\n";
  body += std::string(Robots::kMaxBodyBytes, '#');
  body += "\nDisallow: /late\n";
  const Robots robots = parse(body);
  CHECK_FALSE(robots.allowed("/early"));
  CHECK(robots.allowed("/late"));
}

TEST_CASE("robots: a line cut by the budget is dropped, not shortened") {
  std::string body = "User-agent: *\n";
  body += std::string(Robots::kMaxBodyBytes - body.size() - 12, '\n');
  body += "Disallow: /abcdef\n";  // the budget ends inside "/abcdef"
  const Robots robots = parse(body);
  CHECK(robots.allowed("/a"));
  CHECK(robots.allowed("/abcdef"));
}

TEST_CASE("robots: rules beyond the rule budget are ignored") {
  std::string body = "User-agent: *\n";
  for (std::size_t i = 0; i < Robots::kMaxRules + 10; ++i) {
    body += "Disallow: /r" + std::to_string(i) + "$\n";
  }
  const Robots robots = parse(body);
  CHECK_FALSE(robots.allowed("/r0"));
  CHECK_FALSE(robots.allowed("/r" + std::to_string(Robots::kMaxRules - 1)));
  CHECK(robots.allowed("/r" + std::to_string(Robots::kMaxRules + 5)));
}

TEST_CASE("robots: a 50 MB robots.txt parses fast and bounded") {
  std::string body = "User-agent: *\n";
  const std::string line = "Disallow: /*a*b*c*d*e*f*g*h*i*j*k*l*m*n*o*p*q*r*s*t*u*v*w*x*y*z$\n";
  while (body.size() < 50u << 20) body += line;
  const auto start = std::chrono::steady_clock::now();
  const Robots robots = parse(body);
  const std::string path = "/" + std::string(2000, 'a') + "b";
  bool allowed = true;
  for (int i = 0; i < 100; ++i) allowed = allowed && robots.allowed(path);
  const std::chrono::duration<double> spent = std::chrono::steady_clock::now() - start;
  CHECK(allowed);
  CHECK(spent.count() < 1.0 * kSlowdown);  // milliseconds when optimized
}

TEST_CASE("robots: a very long line and binary junk do not break parsing") {
  std::string body = "User-agent: *\nDisallow: /x\n";
  body += std::string(100000, '\0') + "\n" + std::string(1000, '\xff') + ":\xfe\n";
  body += "Disallow: " + std::string(200000, '*') + "y\n";
  const Robots robots = parse(body);
  CHECK_FALSE(robots.allowed("/x"));
  CHECK_FALSE(robots.allowed("/any/y"));
  CHECK(robots.allowed("/z"));
}

TEST_CASE("robots: a parsed Robots can be copied and moved") {
  Robots robots = parse("User-agent: *\nDisallow: /x\nSitemap: https://a.example/s.xml\n");
  const Robots copy = robots;
  const Robots moved = std::move(robots);
  CHECK_FALSE(copy.allowed("/x"));
  CHECK_FALSE(moved.allowed("/x"));
  CHECK(moved.sitemaps().size() == 1);
}
