#include "crawler/local_site.h"

#include <catch2/catch.hpp>

#include "tests/support/temp_dir.h"
#include "util/error.h"

using tagdrift::crawler::list_local_pages;

TEST_CASE("local site: index files map to directory URLs, others keep their names") {
  tagdrift::testing::TempDir site;
  site.write("index.html", "x");
  site.write("services/index.htm", "x");
  site.write("blog/post.html", "x");
  site.write("views/layout.blade.php", "x");
  site.write("img/logo.png", "x");
  auto pages = list_local_pages(site.path(), "https://clinic.test", 100);
  std::vector<std::string> urls;
  for (const auto& page : pages) urls.push_back(page.url);
  CHECK(urls == std::vector<std::string>{
                    "https://clinic.test/", "https://clinic.test/blog/post.html",
                    "https://clinic.test/services/", "https://clinic.test/views/layout.blade.php"});
  CHECK(list_local_pages(site.path(), "https://clinic.test/", 2).size() == 2);
}

TEST_CASE("local site: a directory that cannot be read ends the target") {
  CHECK_THROWS_AS(list_local_pages("/nonexistent-tagdrift-dir", "https://clinic.test/", 10),
                  tagdrift::Error);
}

TEST_CASE("local site: --include and --exclude choose the pages of a directory too") {
  tagdrift::testing::TempDir site;
  site.write("index.html", "x");
  site.write("blog/post.html", "x");
  site.write("blog/drafts/new.html", "x");
  site.write("services/index.html", "x");
  tagdrift::crawler::Scope scope(tagdrift::crawler::ScopeMode::kHost, {"https://clinic.test/"},
                                 {"/blog/"}, {"/drafts/"});
  auto pages = list_local_pages(site.path(), "https://clinic.test", 100, &scope);
  std::vector<std::string> urls;
  for (const auto& page : pages) urls.push_back(page.url);
  // The root is the seed, scanned whatever the patterns say, as a URL target's seed is.
  CHECK(urls ==
        std::vector<std::string>{"https://clinic.test/", "https://clinic.test/blog/post.html"});
}

TEST_CASE("local site: every page file of a directory target may be template source") {
  tagdrift::testing::TempDir site;
  site.write("index.html", "<title>Home</title>");
  site.write("views/layout.blade.php", "{{-- a comment --}}");
  tagdrift::crawler::CrawlOptions options;
  options.base_url = "https://clinic.test/";
  std::vector<tagdrift::crawler::Page> pages;
  tagdrift::crawler::crawl_directory(
      site.path(), options, [](tagdrift::crawler::Page&) { return std::vector<std::string>{}; },
      [&](tagdrift::crawler::Page page) { pages.push_back(std::move(page)); });
  REQUIRE(pages.size() == 2);
  for (const auto& page : pages) CHECK(page.template_source);
}
