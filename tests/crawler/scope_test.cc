#include "crawler/scope.h"

#include <catch2/catch.hpp>
#include <string>
#include <thread>
#include <vector>

#include "util/error.h"

using tagdrift::crawler::Scope;
using tagdrift::crawler::ScopeMode;
using Strings = std::vector<std::string>;

TEST_CASE("scope: host mode keeps exactly the seed hosts") {
  const Scope scope(ScopeMode::kHost, {"https://www.clinic.example/"}, {}, {});
  CHECK(scope.contains("https://www.clinic.example/doctors"));
  CHECK(scope.contains("http://www.clinic.example/"));
  CHECK(scope.contains("https://www.clinic.example:8443/x"));
  CHECK_FALSE(scope.contains("https://clinic.example/"));
  CHECK_FALSE(scope.contains("https://portal.clinic.example/"));
  CHECK_FALSE(scope.contains("https://www.clinic.example.evil.example/"));
  CHECK_FALSE(scope.contains("https://other.example/"));
}

TEST_CASE("scope: domain mode keeps every host of the seed's registrable domain") {
  const Scope scope(ScopeMode::kDomain, {"https://www.clinic.example/"}, {}, {});
  CHECK(scope.contains("https://clinic.example/"));
  CHECK(scope.contains("https://portal.clinic.example/login"));
  CHECK(scope.contains("https://a.b.clinic.example/"));
  CHECK_FALSE(scope.contains("https://clinic.example.evil.example/"));
  CHECK_FALSE(scope.contains("https://otherclinic.example/"));
}

TEST_CASE("scope: domain mode respects public suffixes") {
  const Scope scope(ScopeMode::kDomain, {"https://www.clinic.co.uk/"}, {}, {});
  CHECK(scope.contains("https://bookings.clinic.co.uk/"));
  CHECK_FALSE(scope.contains("https://hospital.co.uk/"));
}

TEST_CASE("scope: several seeds add their hosts") {
  const Scope scope(ScopeMode::kHost, {"https://a.example/", "https://b.example/start"}, {}, {});
  CHECK(scope.contains("https://a.example/x"));
  CHECK(scope.contains("https://b.example/y"));
  CHECK_FALSE(scope.contains("https://c.example/"));
}

TEST_CASE("scope: seeds are normalized like the URLs they are compared with") {
  const Scope scope(ScopeMode::kHost, {"HTTPS://WWW.Clinic.Example:443/Start#top"}, {"^x$"}, {});
  CHECK(scope.contains("https://www.clinic.example/Start"));
}

TEST_CASE("scope: include patterns narrow the scope") {
  const Scope scope(ScopeMode::kHost, {"https://a.example/"}, {"/services/", "/doctors/"}, {});
  CHECK(scope.contains("https://a.example/services/cardiology"));
  CHECK(scope.contains("https://a.example/doctors/smith"));
  CHECK_FALSE(scope.contains("https://a.example/blog/post"));
  CHECK_FALSE(scope.contains("https://other.example/services/"));
}

TEST_CASE("scope: exclude patterns win over include") {
  const Scope scope(ScopeMode::kHost, {"https://a.example/"}, {"/services/"},
                    {"\\.pdf$", "[?&]print=1"});
  CHECK(scope.contains("https://a.example/services/x"));
  CHECK_FALSE(scope.contains("https://a.example/services/x.pdf"));
  CHECK_FALSE(scope.contains("https://a.example/services/x?print=1"));
  CHECK(scope.contains("https://a.example/services/x?reprint=1"));
}

TEST_CASE("scope: patterns match anywhere unless anchored") {
  const Scope partial(ScopeMode::kHost, {"https://a.example/"}, {"blog"}, {});
  CHECK(partial.contains("https://a.example/news/blog-post"));
  const Scope anchored(ScopeMode::kHost, {"https://a.example/"}, {"^https://a\\.example/blog"}, {});
  CHECK_FALSE(anchored.contains("https://a.example/news/blog-post"));
  CHECK(anchored.contains("https://a.example/blog/1"));
}

TEST_CASE("scope: seeds are always in scope") {
  const Scope scope(ScopeMode::kHost, {"https://a.example/landing"}, {"/nothing-matches/"},
                    {"landing"});
  CHECK(scope.contains("https://a.example/landing"));
  CHECK_FALSE(scope.contains("https://a.example/landing2"));
}

TEST_CASE("scope: a bad pattern is a usage error that names it") {
  try {
    Scope scope(ScopeMode::kHost, {"https://a.example/"}, {"(unclosed"}, {});
    FAIL("no error");
  } catch (const tagdrift::Error& error) {
    CHECK(error.code() == tagdrift::ExitCode::kUsage);
    CHECK(std::string(error.what()).rfind("bad --include pattern '(unclosed': ", 0) == 0);
  }
  try {
    Scope scope(ScopeMode::kHost, {"https://a.example/"}, {}, {"a**"});
    FAIL("no error");
  } catch (const tagdrift::Error& error) {
    CHECK(std::string(error.what()).rfind("bad --exclude pattern 'a**': ", 0) == 0);
  }
}

TEST_CASE("scope: backreferences and lookarounds are refused, RE2 being linear-time") {
  CHECK_THROWS_AS(Scope(ScopeMode::kHost, {"https://a.example/"}, {"(a)\\1"}, {}), tagdrift::Error);
  CHECK_THROWS_AS(Scope(ScopeMode::kHost, {"https://a.example/"}, {}, {"x(?=y)"}), tagdrift::Error);
}

TEST_CASE("scope: a pattern beyond the memory budget is refused") {
  try {
    Scope scope(ScopeMode::kHost, {"https://a.example/"}, {"\\pL{1000}\\pL{1000}\\pL{1000}"}, {});
    FAIL("no error");
  } catch (const tagdrift::Error& error) {
    CHECK_THAT(error.what(), Catch::Matchers::EndsWith("pattern too large - compile failed"));
  }
}

TEST_CASE("scope: a seed that is not an http(s) URL is a usage error") {
  CHECK_THROWS_AS(Scope(ScopeMode::kHost, {"ftp://a.example/"}, {}, {}), tagdrift::Error);
  CHECK_THROWS_AS(Scope(ScopeMode::kHost, {"not a url"}, {}, {}), tagdrift::Error);
}

TEST_CASE("scope: local hosts and IP addresses compare as whole hosts") {
  const Scope scope(ScopeMode::kDomain, {"http://127.0.0.1:8080/"}, {}, {});
  CHECK(scope.contains("http://127.0.0.1:8080/x"));
  CHECK_FALSE(scope.contains("http://127.0.0.2:8080/x"));
  const Scope local(ScopeMode::kDomain, {"http://localhost:3000/"}, {}, {});
  CHECK(local.contains("http://localhost:3000/page"));
  CHECK_FALSE(local.contains("http://example.localhost:3000/"));
}

TEST_CASE("scope: non-URLs are never in scope") {
  const Scope scope(ScopeMode::kDomain, {"https://a.example/"}, {}, {});
  CHECK_FALSE(scope.contains(""));
  CHECK_FALSE(scope.contains("mailto:x@a.example"));
  CHECK_FALSE(scope.contains("a.example/x"));
}

TEST_CASE("scope: a scope can be moved and used from several threads") {
  Scope original(ScopeMode::kDomain, {"https://a.example/"}, {"/keep"}, {"/keep/no"});
  const Scope scope = std::move(original);
  std::vector<std::thread> threads;
  std::vector<int> wrong(4, 0);
  for (std::size_t t = 0; t < wrong.size(); ++t) {
    threads.emplace_back([&scope, &wrong, t] {
      for (int i = 0; i < 2000; ++i) {
        if (!scope.contains("https://x.a.example/keep/" + std::to_string(i))) ++wrong[t];
        if (scope.contains("https://x.a.example/keep/no" + std::to_string(i))) ++wrong[t];
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (int count : wrong) CHECK(count == 0);
}

TEST_CASE("scope: the verdict says why a URL is out, so messages can name the fix") {
  using Verdict = Scope::Verdict;
  const Scope host(ScopeMode::kHost, {"https://clinic.example/"}, {}, {"/private/"});
  CHECK(host.judge("https://clinic.example/a") == Verdict::kInside);
  CHECK(host.judge("https://clinic.example/private/x") == Verdict::kFiltered);
  CHECK(host.judge("https://www.clinic.example/") == Verdict::kSiblingHost);
  CHECK(host.judge("https://clinic.example.evil.example/") == Verdict::kOtherSite);
  CHECK(host.judge("https://other.example/") == Verdict::kOtherSite);
  const Scope domain(ScopeMode::kDomain, {"https://clinic.example/"}, {"/care/"}, {});
  CHECK(domain.judge("https://www.clinic.example/care/") == Verdict::kInside);
  CHECK(domain.judge("https://www.clinic.example/blog/") == Verdict::kFiltered);
  CHECK(domain.judge("https://other.example/care/") == Verdict::kOtherSite);
}
