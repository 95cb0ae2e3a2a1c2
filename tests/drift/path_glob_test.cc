#include "drift/path_glob.h"

#include <catch2/catch.hpp>

using tagdrift::drift::glob_to_regex;
using tagdrift::drift::PathGlob;

namespace {

PathGlob glob(const char* text) {
  std::string error;
  std::optional<PathGlob> compiled = PathGlob::compile(text, &error);
  INFO(error);
  REQUIRE(compiled.has_value());
  return std::move(*compiled);
}

std::string problem(const char* text) {
  std::string error;
  CHECK_FALSE(PathGlob::compile(text, &error).has_value());
  return error;
}

}  // namespace

TEST_CASE("path glob: '**' matches any path under a folder, and the folder itself") {
  PathGlob services = glob("/services/**");
  CHECK(services.matches("/services/ivf/"));
  CHECK(services.matches("/services/fertility/egg-freezing/"));
  CHECK(services.matches("/services/"));
  CHECK(services.matches("/services"));
  CHECK_FALSE(services.matches("/servicesx/"));
  CHECK_FALSE(services.matches("/about/services/"));
  CHECK(glob("/**").matches("/anything/at/all"));
  CHECK(glob("/**").matches("/"));
}

TEST_CASE("path glob: '*' matches exactly one segment") {
  PathGlob forms = glob("/forms/*/");
  CHECK(forms.matches("/forms/intake/"));
  CHECK(forms.matches("/forms/intake"));
  CHECK_FALSE(forms.matches("/forms/intake/step-2/"));
  CHECK_FALSE(forms.matches("/forms/"));
  PathGlob pdfs = glob("/docs/*.pdf");
  CHECK(pdfs.matches("/docs/consent.pdf"));
  CHECK_FALSE(pdfs.matches("/docs/a/consent.pdf"));
}

TEST_CASE("path glob: '**' in the middle spans zero or more segments") {
  PathGlob ivf = glob("/**/ivf/");
  CHECK(ivf.matches("/ivf/"));
  CHECK(ivf.matches("/locations/boston/ivf/"));
  CHECK_FALSE(ivf.matches("/locations/boston/ivf-faq/"));
}

TEST_CASE("path glob: everything else is literal, and a trailing slash never matters") {
  PathGlob dotted = glob("/a.b/(c)+");
  CHECK(dotted.matches("/a.b/(c)+"));
  CHECK(dotted.matches("/a.b/(c)+/"));
  CHECK_FALSE(dotted.matches("/aXb/(c)+"));
  CHECK(glob("/about/").matches("/about"));
  CHECK(glob("/").matches("/"));
  CHECK_FALSE(glob("/").matches("/about/"));
  CHECK(glob_to_regex("/services/**") == "/services(?:/.*)?/?");
  CHECK(glob_to_regex("/forms/*/") == "/forms/[^/]+/?");
  CHECK(glob_to_regex("/docs/*.pdf") == "/docs/[^/]*\\.pdf/?");
}

TEST_CASE("path glob: bad globs say what is wrong") {
  CHECK(problem("services/**") == "bad glob 'services/**': must start with '/'");
  CHECK(problem("") == "bad glob '': must start with '/'");
  CHECK(problem("/a?b=1") == "bad glob '/a?b=1': must be a path only: no '?', '#' or spaces");
  CHECK(problem("/a b/") == "bad glob '/a b/': must be a path only: no '?', '#' or spaces");
  CHECK(problem("/serv**") == "bad glob '/serv**': '**' must be a whole path segment");
  CHECK(problem("/a/***/") == "bad glob '/a/***/': '**' must be a whole path segment");
}

TEST_CASE("path glob: a glob no normalized page path can hold is named, others are not") {
  using tagdrift::drift::never_matches;
  CHECK(never_matches("/services/./ivf/") ==
        "page paths never hold '.' or '..' segments (URLs are normalized)");
  CHECK(never_matches("/a/../b") ==
        "page paths never hold '.' or '..' segments (URLs are normalized)");
  CHECK(never_matches("/\xC3\xA4rzte/**") ==
        "page paths hold non-ASCII and unsafe characters percent-encoded: write '/%C3%A4rzte/**'");
  CHECK(never_matches("/a|b/") ==
        "page paths hold non-ASCII and unsafe characters percent-encoded: write '/a%7Cb/'");
  CHECK(never_matches("/caf%c3%a9/") ==
        "page paths hold '%' only as an upper-case escape such as '%2F'");
  CHECK(never_matches("/100%/") ==
        "page paths hold '%' only as an upper-case escape such as '%2F'");
  for (const char* fine : {"/services/**", "/", "/**/ivf/", "/docs/*.pdf", "/caf%C3%A9/", "/a%*",
                           "/a%2*/", "/.well-known/*", "/a..b/", "/~user/"}) {
    CAPTURE(fine);
    CHECK(never_matches(fine).empty());
  }
  // What it calls unmatchable really is: the glob compiles, and no normalized path matches.
  CHECK_FALSE(glob("/services/./ivf/").matches("/services/ivf/"));
}
