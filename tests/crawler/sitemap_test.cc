#include "crawler/sitemap.h"

#include <zlib.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "tests/support/temp_dir.h"
#include "tests/support/timing.h"

using tagdrift::crawler::parse_sitemap;
using tagdrift::crawler::Sitemap;
using tagdrift::testing::kSlowdown;
using Strings = std::vector<std::string>;

namespace {

std::string gzip(const std::string& data) {
  z_stream stream{};
  REQUIRE(deflateInit2(&stream, Z_BEST_SPEED, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) == Z_OK);
  std::string out(deflateBound(&stream, data.size()), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  REQUIRE(deflate(&stream, Z_FINISH) == Z_STREAM_END);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

const char* const kUrlset = R"(<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>https://clinic.example/</loc><lastmod>2024-01-01</lastmod></url>
  <url>
    <loc>
      https://clinic.example/doctors
    </loc>
    <changefreq>weekly</changefreq>
  </url>
  <url><loc>https://clinic.example/search?a=1&amp;b=2</loc></url>
</urlset>
)";

}  // namespace

TEST_CASE("sitemap: a urlset lists pages, trimmed and unescaped") {
  const Sitemap sitemap = parse_sitemap(kUrlset);
  CHECK(sitemap.error.empty());
  CHECK(sitemap.pages == Strings{"https://clinic.example/", "https://clinic.example/doctors",
                                 "https://clinic.example/search?a=1&b=2"});
  CHECK(sitemap.sitemaps.empty());
}

TEST_CASE("sitemap: a sitemap index lists child sitemaps") {
  const Sitemap sitemap = parse_sitemap(
      "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
      "<sitemap><loc>https://a.example/s1.xml</loc><lastmod>2024-01-01</lastmod></sitemap>"
      "<sitemap><loc>https://a.example/s2.xml.gz</loc></sitemap>"
      "</sitemapindex>");
  CHECK(sitemap.error.empty());
  CHECK(sitemap.pages.empty());
  CHECK(sitemap.sitemaps == Strings{"https://a.example/s1.xml", "https://a.example/s2.xml.gz"});
}

TEST_CASE("sitemap: namespace prefixes and missing namespaces are all accepted") {
  CHECK(parse_sitemap("<sm:urlset xmlns:sm=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                      "<sm:url><sm:loc>https://a.example/x</sm:loc></sm:url></sm:urlset>")
            .pages == Strings{"https://a.example/x"});
  CHECK(parse_sitemap("<urlset><url><loc>https://a.example/y</loc></url></urlset>").pages ==
        Strings{"https://a.example/y"});
}

TEST_CASE("sitemap: image and video locations are not pages") {
  const Sitemap sitemap = parse_sitemap(
      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
      "xmlns:image=\"http://www.google.com/schemas/sitemap-image/1.1\">"
      "<url><loc>https://a.example/page</loc>"
      "<image:image><image:loc>https://a.example/photo.jpg</image:loc></image:image>"
      "</url></urlset>");
  CHECK(sitemap.pages == Strings{"https://a.example/page"});
}

TEST_CASE("sitemap: CDATA, character references and split text make one location") {
  const Sitemap sitemap = parse_sitemap(
      "<urlset><url><loc><![CDATA[https://a.example/a?x=1&y=2]]></loc></url>"
      "<url><loc>https://a.example/&#x63;af&#233;<!-- c -->/x</loc></url></urlset>");
  CHECK(sitemap.pages == Strings{"https://a.example/a?x=1&y=2", "https://a.example/caf\xC3\xA9/x"});
}

TEST_CASE("sitemap: empty and missing locations are skipped") {
  const Sitemap sitemap = parse_sitemap(
      "<urlset><url><loc/></url><url><loc>   </loc></url><url><lastmod>x</lastmod></url>"
      "<url><loc>https://a.example/ok</loc></url></urlset>");
  CHECK(sitemap.error.empty());
  CHECK(sitemap.pages == Strings{"https://a.example/ok"});
}

TEST_CASE("sitemap: a gzipped sitemap is inflated") {
  const Sitemap sitemap = parse_sitemap(gzip(kUrlset));
  CHECK(sitemap.error.empty());
  CHECK(sitemap.pages.size() == 3);
}

TEST_CASE("sitemap: a gzip bomb stops at the decompression budget") {
  std::string huge = "<urlset>";
  huge += std::string(32u << 20, ' ');
  huge += "</urlset>";
  const std::string bomb = gzip(huge);
  const auto start = std::chrono::steady_clock::now();
  const Sitemap sitemap = parse_sitemap(bomb, 1u << 20);
  const std::chrono::duration<double> spent = std::chrono::steady_clock::now() - start;
  CHECK(sitemap.pages.empty());
  CHECK(sitemap.error == "gzipped sitemap: decompressed size exceeds 1048576 bytes");
  CHECK(spent.count() < 1.0 * kSlowdown);
}

TEST_CASE("sitemap: a corrupt gzip body is an error") {
  std::string body = gzip(kUrlset);
  body.resize(body.size() / 2);
  const Sitemap sitemap = parse_sitemap(body);
  CHECK(sitemap.pages.empty());
  CHECK(sitemap.error.rfind("gzipped sitemap: ", 0) == 0);
}

TEST_CASE("sitemap: a plain-text sitemap has one URL per line") {
  const Sitemap sitemap = parse_sitemap(
      "\xEF\xBB\xBFhttps://a.example/one\r\n"
      "\n"
      "   http://a.example/two   \n"
      "HTTPS://a.example/three");
  CHECK(sitemap.error.empty());
  CHECK(sitemap.pages ==
        Strings{"https://a.example/one", "http://a.example/two", "HTTPS://a.example/three"});
}

TEST_CASE("sitemap: lines of a text sitemap that are not http(s) URLs are skipped") {
  const Sitemap sitemap =
      parse_sitemap("# list\nftp://a.example/x\nhttps://a.example/ok\njavascript:alert(1)\n");
  CHECK(sitemap.pages == Strings{"https://a.example/ok"});
  CHECK(sitemap.error.empty());
}

TEST_CASE("sitemap: a body that is neither XML nor URLs is an error") {
  const Sitemap sitemap = parse_sitemap("Not Found\n");
  CHECK(sitemap.pages.empty());
  CHECK(sitemap.error == "neither XML nor a list of URLs");
  CHECK(parse_sitemap("").error.empty());
  CHECK(parse_sitemap("  \n ").pages.empty());
}

TEST_CASE("sitemap: malformed XML keeps what came before the fault") {
  const Sitemap sitemap = parse_sitemap(
      "<urlset>\n<url><loc>https://a.example/1</loc></url>\n"
      "<url><loc>https://a.example/2</loc></url>\n"
      "<url><loc>https://a.example/3</lo></url>\n"
      "<url><loc>https://a.example/4</loc></url>\n</urlset>");
  CHECK(sitemap.pages == Strings{"https://a.example/1", "https://a.example/2"});
  CHECK(sitemap.error.rfind("malformed XML at line 4", 0) == 0);
}

TEST_CASE("sitemap: a truncated document is an error after its URLs") {
  const Sitemap sitemap = parse_sitemap("<urlset><url><loc>https://a.example/1</loc></url><url>");
  CHECK(sitemap.pages == Strings{"https://a.example/1"});
  CHECK_FALSE(sitemap.error.empty());
}

TEST_CASE("sitemap: an HTML error page is not a sitemap") {
  const Sitemap sitemap =
      parse_sitemap("<!DOCTYPE html><html><body><a href=/x>x</a><br></body></html>");
  CHECK(sitemap.pages.empty());
  CHECK_FALSE(sitemap.error.empty());
}

TEST_CASE("sitemap: entities are not expanded (billion laughs)") {
  std::string body = "<?xml version=\"1.0\"?>\n<!DOCTYPE urlset [\n<!ENTITY a \"aaaaaaaaaa\">\n";
  for (char level = 'b'; level <= 'k'; ++level) {
    body += std::string("<!ENTITY ") + level + " \"";
    for (int i = 0; i < 10; ++i) body += std::string("&") + static_cast<char>(level - 1) + ";";
    body += "\">\n";
  }
  body +=
      "]>\n<urlset><url><loc>https://a.example/&k;</loc></url>"
      "<url><loc>https://a.example/ok</loc></url></urlset>";
  const auto start = std::chrono::steady_clock::now();
  const Sitemap sitemap = parse_sitemap(body);
  const std::chrono::duration<double> spent = std::chrono::steady_clock::now() - start;
  CHECK(spent.count() < 1.0 * kSlowdown);
  for (const std::string& page : sitemap.pages) CHECK(page.size() < 100);
  CHECK_FALSE(sitemap.error.empty());
}

TEST_CASE("sitemap: external entities are not loaded (XXE)") {
  const tagdrift::testing::TempDir dir;
  const auto secret = dir.write("secret.txt", "TOP-SECRET-CONTENT");
  const std::string body =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE urlset [\n<!ENTITY xxe SYSTEM \"file://" +
      secret.string() +
      "\">\n]>\n<urlset><url><loc>https://a.example/&xxe;</loc></url>"
      "<url><loc>https://a.example/ok</loc></url></urlset>";
  const Sitemap sitemap = parse_sitemap(body);
  for (const std::string& page : sitemap.pages) {
    CHECK(page.find("TOP-SECRET") == std::string::npos);
  }
  // A document's own entities are never declared to the parser, so the reference is an error.
  CHECK(sitemap.error.find("xxe") != std::string::npos);
}

TEST_CASE("sitemap: an external DTD is not fetched") {
  const Sitemap sitemap = parse_sitemap(
      "<?xml version=\"1.0\"?>\n<!DOCTYPE urlset SYSTEM \"http://192.0.2.1/never.dtd\">\n"
      "<urlset><url><loc>https://a.example/x</loc></url></urlset>");
  CHECK(sitemap.pages == Strings{"https://a.example/x"});
}

TEST_CASE("sitemap: at most max_urls locations are kept") {
  std::string body = "<urlset>";
  for (int i = 0; i < 100; ++i)
    body += "<url><loc>https://a.example/" + std::to_string(i) + "</loc></url>";
  body += "</urlset>";
  const Sitemap sitemap = parse_sitemap(body, 50u << 20, 10);
  CHECK(sitemap.pages.size() == 10);
  CHECK(sitemap.pages.back() == "https://a.example/9");
  CHECK(sitemap.error == "more than 10 URLs; the rest were ignored");

  std::string text;
  for (int i = 0; i < 100; ++i) text += "https://a.example/" + std::to_string(i) + "\n";
  CHECK(parse_sitemap(text, 50u << 20, 10).pages.size() == 10);
  CHECK(parse_sitemap(text, 50u << 20, 100).error.empty());
}

TEST_CASE("sitemap: a location longer than the buffer budget is skipped") {
  const std::string body = "<urlset><url><loc>https://a.example/" + std::string(200000, 'x') +
                           "</loc></url><url><loc>https://a.example/ok</loc></url></urlset>";
  CHECK(parse_sitemap(body).pages == Strings{"https://a.example/ok"});
}

TEST_CASE("sitemap: 50,000 URLs parse quickly") {
  std::string body = "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  for (int i = 0; i < 50000; ++i) {
    body += "<url><loc>https://a.example/page/" + std::to_string(i) +
            "</loc><lastmod>2024-01-01</lastmod></url>\n";
  }
  body += "</urlset>\n";
  const auto start = std::chrono::steady_clock::now();
  const Sitemap sitemap = parse_sitemap(gzip(body));
  const std::chrono::duration<double> spent = std::chrono::steady_clock::now() - start;
  CHECK(sitemap.error.empty());
  CHECK(sitemap.pages.size() == 50000);
  CHECK(spent.count() < 5.0 * kSlowdown);
}

TEST_CASE("sitemap: parsing from several threads at once is safe") {
  std::vector<std::thread> threads;
  std::vector<std::size_t> counts(4, 0);
  for (std::size_t t = 0; t < counts.size(); ++t) {
    threads.emplace_back([t, &counts] {
      for (int i = 0; i < 200; ++i) counts[t] += parse_sitemap(kUrlset).pages.size();
    });
  }
  for (auto& thread : threads) thread.join();
  for (std::size_t count : counts) CHECK(count == 600);
}
