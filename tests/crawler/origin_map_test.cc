#include "crawler/origin_map.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "util/error.h"

using tagdrift::crawler::OriginMap;
using tagdrift::crawler::Scope;
using tagdrift::crawler::ScopeMode;

namespace {

// The scope of a scan of these targets: where a mapping may lead.
const Scope& targets() {
  static const Scope scope(ScopeMode::kHost,
                           {"https://staging.site.example/", "http://127.0.0.1:8080/",
                            "https://b.example/", "https://c.example/"},
                           {}, {});
  return scope;
}

std::string usage_error_of(const std::vector<std::string>& entries) {
  try {
    OriginMap map(entries, targets());
  } catch (const tagdrift::Error& e) {
    CHECK(e.code() == tagdrift::ExitCode::kUsage);
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("origin map: URLs on FROM move onto TO, path and query kept") {
  const OriginMap map({"https://www.site.example=https://staging.site.example"}, targets());
  CHECK(map.map("https://www.site.example/lp/spring?x=1") ==
        "https://staging.site.example/lp/spring?x=1");
  CHECK(map.map("https://www.site.example/") == "https://staging.site.example/");
  CHECK_FALSE(map.map("https://staging.site.example/a"));
  CHECK_FALSE(map.map("http://www.site.example/a"));        // another scheme is another origin
  CHECK_FALSE(map.map("https://www.site.example:8443/a"));  // and so is another port
  CHECK_FALSE(map.map("https://www.site.example.evil.test/a"));
}

TEST_CASE("origin map: entries are normalized like URLs and may end in one slash") {
  const OriginMap map({"HTTPS://WWW.Site.Example:443/=http://127.0.0.1:8080",
                       "http://a.example=https://b.example/"},
                      targets());
  CHECK(map.map("https://www.site.example/x") == "http://127.0.0.1:8080/x");
  CHECK(map.map("http://a.example/") == "https://b.example/");
  CHECK(OriginMap({}, targets()).empty());
  CHECK_FALSE(OriginMap({}, targets()).map("https://www.site.example/"));
}

TEST_CASE("origin map: a bad entry is a usage error naming it") {
  CHECK(usage_error_of({"https://www.site.example"}) ==
        "bad --map-origin 'https://www.site.example': expected FROM=TO");
  CHECK(usage_error_of({"https://a.example=https://b.example=https://c.example"})
            .find("expected FROM=TO") != std::string::npos);
  for (const char* entry :
       {"https://a.example/path=https://b.example", "https://a.example=https://b.example/x",
        "ftp://a.example=https://b.example", "a.example=https://b.example",
        "https://a.example/?q=https://b.example", "https://a.example=https://b.example/#top",
        "https://user@a.example=https://b.example", "=https://b.example", "https://a.example="}) {
    INFO(entry);
    CHECK(usage_error_of({entry}) == std::string("bad --map-origin '") + entry +
                                         "': FROM and TO must be http(s) origins with no path");
  }
  CHECK(usage_error_of({"https://a.example=https://a.example/"}).find("the same origin") !=
        std::string::npos);
  CHECK(
      usage_error_of({"https://a.example=https://b.example", "https://a.example=https://c.example"})
          .find("already mapped") != std::string::npos);
  CHECK(
      usage_error_of({"https://a.example=https://b.example", "https://b.example=https://c.example"})
          .find("may not chain") != std::string::npos);
  // A TO the crawl never visits (misspelt, or another site) would drop every mapped URL.
  CHECK(usage_error_of({"https://www.site.example=https://stagng.site.example"}) ==
        "bad --map-origin 'https://www.site.example=https://stagng.site.example': TO is not a "
        "host of a URL target (see --scope)");
  CHECK(usage_error_of({"https://www.site.example=https://d.example"}).find("TO is not") !=
        std::string::npos);
}
