#include "drift/url_path.h"

#include <catch2/catch.hpp>

using namespace tagdrift::drift;

TEST_CASE("url path: the path of a URL, without query or fragment") {
  CHECK(url_path("https://www.clinic.test/services/ivf/?a=1#top") == "/services/ivf/");
  CHECK(url_path("https://www.clinic.test") == "/");
  CHECK(url_path("https://www.clinic.test?x=1") == "/");
  CHECK(url_path("http://127.0.0.1:8080/a/b") == "/a/b");
  CHECK(url_path("/relative/path?q") == "/relative/path");
}

TEST_CASE("url path: pages on the site show as paths, others whole") {
  const char* site = "https://www.clinic.test";
  CHECK(display_url("https://www.clinic.test/a/?b=1", site) == "/a/?b=1");
  CHECK(display_url("https://www.clinic.test", site) == "/");
  CHECK(display_url("https://www.clinic.test/a/", "https://www.clinic.test/") == "/a/");
  CHECK(display_url("https://book.clinic.test/a/", site) == "https://book.clinic.test/a/");
  CHECK(display_url("https://www.clinic.testing/a/", site) == "https://www.clinic.testing/a/");
}

TEST_CASE("url path: long lists are cut with a count of the rest") {
  const char* site = "https://s.test";
  std::vector<std::string> urls;
  for (int i = 0; i < 7; ++i) urls.push_back("https://s.test/p" + std::to_string(i));
  CHECK(display_urls(urls, site) == "/p0, /p1, /p2, /p3, /p4 and 2 more");
  CHECK(display_urls({"https://s.test/a"}, site) == "/a");
  CHECK(display_urls({}, site).empty());
}
