#include "crawler/url.h"

#include <catch2/catch.hpp>
#include <ctime>
#include <string>
#include <thread>
#include <vector>

#include "crawler/plain_url.h"

using tagdrift::crawler::normalize_percent_encoding;
using tagdrift::crawler::normalize_url;
using tagdrift::crawler::normalize_url_by_libcurl;
using tagdrift::crawler::origin_of;
using tagdrift::crawler::resolve_url;
using tagdrift::crawler::split_url;
using tagdrift::crawler::split_url_by_libcurl;

namespace {

constexpr const char* kBase = "https://www.clinic.example/care/heart/index.html?x=1#top";

std::string resolved(std::string_view href) { return resolve_url(kBase, href).value_or("<none>"); }
std::string normalized(std::string_view url) { return normalize_url(url).value_or("<none>"); }

}  // namespace

TEST_CASE("url: relative references resolve against the base as in RFC 3986") {
  CHECK(resolved("doctors.html") == "https://www.clinic.example/care/heart/doctors.html");
  CHECK(resolved("../lung/") == "https://www.clinic.example/care/lung/");
  CHECK(resolved("./a/../b") == "https://www.clinic.example/care/heart/b");
  CHECK(resolved("/contact") == "https://www.clinic.example/contact");
  CHECK(resolved("?page=2") == "https://www.clinic.example/care/heart/index.html?page=2");
  CHECK(resolved("/a/./b/../../../c") == "https://www.clinic.example/c");
}

TEST_CASE("url: references resolve the same through the base prefixes as through libcurl") {
  CHECK(resolve_url("https://a.example", "x") == "https://a.example/x");
  CHECK(resolve_url("https://a.example:8443/dir/page", "x") == "https://a.example:8443/dir/x");
  CHECK(resolve_url("https://a.example:8443/dir/page", "/x") == "https://a.example:8443/x");
  CHECK(resolve_url("https://a.example:8443/dir/page", "//b.example/") == "https://b.example/");
  CHECK(resolve_url("http://[::1]:8080/a/b", "c") == "http://[::1]:8080/a/c");
  CHECK(resolve_url("https://u:p@a.example/d/", "x") == "https://a.example/d/x");
  CHECK(resolved("page?t=10:30") == "https://www.clinic.example/care/heart/page?t=10:30");
  CHECK(resolved("../../../../../x") == "https://www.clinic.example/x");
  CHECK(resolved("//www.clinic.example") == "https://www.clinic.example/");
  CHECK(resolve_url("http://a.example/x", "//b.example/y") == "http://b.example/y");
}

TEST_CASE("url: plain paths, which skip libcurl, come out as libcurl builds them") {
  // What parsing the joined text gives: the normalized base's directory (or origin) + href.
  const auto through_libcurl = [](std::string_view base, const std::string& href) {
    std::string page = normalize_url(base).value();
    page.resize(page.find('?') == std::string::npos ? page.size() : page.find('?'));
    const std::string prefix =
        href.starts_with('/') ? origin_of(page) : page.substr(0, page.rfind('/') + 1);
    return normalize_url_by_libcurl(prefix + href).value_or("<none>");
  };
  const std::vector<std::string> bases = {
      kBase,
      "http://127.0.0.1:8080/a/b.html",
      "https://WWW.Clinic.Example:443/Care/",
      "https://www.clinic.example/%7euser/p%41ge",
      "http://[::1]:8080/a/b",
      "https://b\xc3\xbc"
      "cher.example/a/",
      "https://www.clinic.example/a/./b/../c/",
  };
  const std::vector<std::string> hrefs = {"doctors.html", "/contact", "a/b/c.html", "/x/y/", "/",
                                          "a..b/c.d",     "~user/x",  "/_a-b.c~/",  "x//y"};
  for (const std::string& base : bases) {
    for (const std::string& href : hrefs) {
      INFO(base << " + " << href);
      CHECK(resolve_url(base, href).value_or("<none>") == through_libcurl(base, href));
    }
  }
  // Found by fuzz_url: an escaped host is no URL, joined or not.
  CHECK_FALSE(resolve_url("https:/%1mmmkmm", "utm"));
  CHECK_FALSE(resolve_url("https://a%7f.example/", "x"));
}

TEST_CASE("url: URLs already in normal form, read without libcurl, read as libcurl reads them") {
  const std::vector<std::string> plain = {
      "http://127.0.0.1:8080/a/b.html", "https://www.clinic.example/",
      "http://10.0.0.255/x//y",         "https://1a.b-2.example:8443/~u/p_q.r",
      "http://a.example:65535/",        "https://xn--bcher-kva.example/a"};
  const std::vector<std::string> not_plain = {"http://127.0.0.1:80/",
                                              "http://0127.0.0.1/",
                                              "http://1.2.3/x",
                                              "http://256.1.1.1/",
                                              "http://1.2.3.4.5/",
                                              "https://www.Clinic.example/",
                                              "HTTPS://www.clinic.example/",
                                              "https://a-.example/",
                                              "https://-a.example/",
                                              "https://a..example/",
                                              "https://example.123/",
                                              "https://clinic.example",
                                              "https://clinic.example/?x=1",
                                              "https://clinic.example/#x",
                                              "https://clinic.example/a/../b",
                                              "https://clinic.example/./b",
                                              "https://clinic.example:/x",
                                              "https://clinic.example:0443/x",
                                              "http://clinic.example:65536/",
                                              "https://u@clinic.example/",
                                              "https://clinic.example/%41",
                                              "https://clinic.example/a b",
                                              " https://clinic.example/",
                                              "ftp://clinic.example/",
                                              "https://clinic.example./",
                                              "http://[::1]:8080/",
                                              "https://clinic.example:443/"};
  for (const auto* list : {&plain, &not_plain}) {
    for (const std::string& url : *list) {
      INFO(url);
      CHECK(tagdrift::crawler::read_plain_url(url).has_value() == (list == &plain));
      CHECK(normalize_url(url) == normalize_url_by_libcurl(url));
      const auto parts = split_url(url);
      const auto reference = split_url_by_libcurl(url);
      REQUIRE(parts.has_value() == reference.has_value());
      if (!parts) continue;
      CHECK(parts->scheme == reference->scheme);
      CHECK(parts->host == reference->host);
      CHECK(parts->path == reference->path);
      CHECK(parts->query == reference->query);
      CHECK(parts->port == reference->port);
    }
  }
  CHECK_FALSE(normalize_url("https://clinic.example/abcdef", 20));
}

TEST_CASE("url: an empty href or a bare fragment is the page itself") {
  const std::string self = "https://www.clinic.example/care/heart/index.html?x=1";
  CHECK(resolved("") == self);
  CHECK(resolved("   ") == self);
  CHECK(resolved("#top") == self);
  CHECK(resolved("#") == self);
}

TEST_CASE("url: protocol-relative and absolute hrefs replace the base") {
  CHECK(resolved("//cdn.Example.ORG/x.js") == "https://cdn.example.org/x.js");
  CHECK(resolved("http://other.example/p") == "http://other.example/p");
  CHECK(resolved("HTTPS://Other.Example:443/p") == "https://other.example/p");
}

TEST_CASE("url: non-http schemes are dropped") {
  for (const char* href :
       {"javascript:alert(1)", "JavaScript:void(0)", "mailto:info@clinic.example",
        "tel:+15555550100", "data:text/html,<p>hi</p>", "file:///etc/passwd",
        "ftp://files.example/x", "sms:123", "x:y"}) {
    INFO(href);
    CHECK_FALSE(resolve_url(kBase, href).has_value());
  }
}

TEST_CASE("url: surrounding whitespace and embedded line breaks are ignored as HTML does") {
  CHECK(resolved("  \n\t/contact \r\n") == "https://www.clinic.example/contact");
  CHECK(resolved("/con\ntact") == "https://www.clinic.example/contact");
  CHECK(resolved("/con\r\n\ttact") == "https://www.clinic.example/contact");
}

TEST_CASE("url: backslashes before the query are read as slashes as browsers do") {
  CHECK(resolved("\\\\evil.example\\x") == "https://evil.example/x");
  CHECK(resolved("/a\\b?q=\\") == "https://www.clinic.example/a/b?q=%5C");
}

TEST_CASE("url: the fragment is dropped") {
  CHECK(normalized("https://a.example/p?q=1#section") == "https://a.example/p?q=1");
  CHECK(normalized("https://a.example/#/spa/route") == "https://a.example/");
}

TEST_CASE("url: scheme and host are lower-cased and the default port removed") {
  CHECK(normalized("HTTP://WWW.Clinic.Example:80/About") == "http://www.clinic.example/About");
  CHECK(normalized("https://a.example:443/") == "https://a.example/");
  CHECK(normalized("http://a.example:443/") == "http://a.example:443/");
  CHECK(normalized("https://a.example:8443/x") == "https://a.example:8443/x");
  CHECK(normalized("http://a.example:0080/") == "http://a.example/");
}

TEST_CASE("url: an empty path becomes /") {
  CHECK(normalized("https://a.example") == "https://a.example/");
  CHECK(normalized("https://a.example?q=1") == "https://a.example/?q=1");
}

TEST_CASE("url: dot segments are removed, escaped ones too") {
  CHECK(normalized("https://a.example/a/b/../c/./d") == "https://a.example/a/c/d");
  CHECK(normalized("https://a.example/../../x") == "https://a.example/x");
  CHECK(normalized("https://a.example/a/%2e%2E/b") == "https://a.example/b");
}

TEST_CASE("url: percent-encoding is normalized") {
  CHECK(normalized("https://a.example/%7euser/%41%2d%5F") == "https://a.example/~user/A-_");
  CHECK(normalized("https://a.example/a%2fb%3a") == "https://a.example/a%2Fb%3A");
  CHECK(normalized("https://a.example/?q=%7e%2b") == "https://a.example/?q=~%2B");
  CHECK(normalized("https://a.example/100%") == "https://a.example/100%25");
  CHECK(normalized("https://a.example/%zz%4") == "https://a.example/%25zz%254");
  CHECK(normalized("https://a.example/caf\xC3\xA9?s=\xC3\xBC") ==
        "https://a.example/caf%C3%A9?s=%C3%BC");
  CHECK(normalized("https://a.example/a b") == "https://a.example/a%20b");
  CHECK(normalized("https://a.example/<x>\"{|}^`") ==
        "https://a.example/%3Cx%3E%22%7B%7C%7D%5E%60");
}

TEST_CASE("url: a space in a relative query is %20, not +") {
  CHECK(resolved("/search?q=heart failure") ==
        "https://www.clinic.example/search?q=heart%20failure");
  CHECK(resolved("/my page.html") == "https://www.clinic.example/my%20page.html");
}

TEST_CASE("url: equivalent spellings normalize to the same string") {
  const std::string want = "https://a.example/~x/b?k=v";
  for (const char* spelling : {"https://a.example/~x/b?k=v", "HTTPS://A.EXAMPLE:443/%7Ex/b?k=v#f",
                               "https://a.example/%7ex/./c/../b?k=v&utm_source=mail",
                               "  https://a.example/~x/b?&k=v&  "}) {
    INFO(spelling);
    CHECK(normalized(spelling) == want);
  }
}

TEST_CASE("url: normalizing twice changes nothing") {
  for (const char* url : {"https://a.example/caf\xC3\xA9 x?q=%7e&a=%2F#f", "http://a.example:81",
                          "https://a.example/100%/%zz", "https://xn--bcher-kva.example/"}) {
    const std::string once = normalized(url);
    INFO(url << " -> " << once);
    CHECK(normalized(once) == once);
  }
}

TEST_CASE("url: tracking parameters are stripped and the rest keeps its order") {
  CHECK(normalized("https://a.example/p?utm_source=x&b=2&gclid=1&a=1&fbclid=z") ==
        "https://a.example/p?b=2&a=1");
  CHECK(normalized("https://a.example/p?UTM_Campaign=x&Msclkid=3&ScCid=4&hsCtaTracking=5") ==
        "https://a.example/p");
  CHECK(normalized("https://a.example/p?z=1&y=2&x=3") == "https://a.example/p?z=1&y=2&x=3");
  for (const char* name :
       {"utm_medium", "utm_",     "gclsrc",     "dclid", "gbraid",    "wbraid",      "mc_cid",
        "mc_eid",     "_ga",      "_gl",        "yclid", "igshid",    "twclid",      "ttclid",
        "li_fat_id",  "epik",     "_hsenc",     "_hsmi", "mkt_tok",   "oly_anon_id", "oly_enc_id",
        "vero_id",    "wickedid", "rb_clickid", "s_cid", "irclickid", "_kx"}) {
    INFO(name);
    CHECK(normalized(std::string("https://a.example/?") + name + "=1&keep=1") ==
          "https://a.example/?keep=1");
  }
}

TEST_CASE("url: parameters that merely resemble tracking ones are kept") {
  CHECK(normalized("https://a.example/?utm=1&gclid2=1&xutm_source=1&page=2") ==
        "https://a.example/?utm=1&gclid2=1&xutm_source=1&page=2");
  CHECK(normalized("https://a.example/?q=utm_source") == "https://a.example/?q=utm_source");
}

TEST_CASE("url: an empty query and empty parameters are removed") {
  CHECK(normalized("https://a.example/p?") == "https://a.example/p");
  CHECK(normalized("https://a.example/p?&&") == "https://a.example/p");
  CHECK(normalized("https://a.example/p?a=1&&b=2&") == "https://a.example/p?a=1&b=2");
  CHECK(normalized("https://a.example/p?utm_source=x") == "https://a.example/p");
  CHECK(normalized("https://a.example/p?a=") == "https://a.example/p?a=");
}

TEST_CASE("url: user and password never survive normalization") {
  CHECK(normalized("https://admin:s3cret@a.example/x") == "https://a.example/x");
  CHECK(normalized("https://token@a.example/") == "https://a.example/");
  CHECK(resolve_url("https://u:p@a.example/dir/", "page").value() == "https://a.example/dir/page");
  const std::string out = resolved("https://user:hunter2@b.example/");
  CHECK(out.find("hunter2") == std::string::npos);
}

TEST_CASE("url: IP hosts are normalized") {
  CHECK(normalized("http://[::1]:8080/x") == "http://[::1]:8080/x");
  CHECK(normalized("http://127.0.0.1:80/") == "http://127.0.0.1/");
  CHECK(normalized("http://0x7f.1/") == "http://127.0.0.1/");
}

TEST_CASE("url: malformed URLs give nothing") {
  for (const char* url :
       {"", "   ", "http://", "https://", "http://a.example:99999/", "http://a.example:port/",
        "http://a b.example/", "//a.example/", "/relative/only", "a.example/x", "http://[::1/",
        "http:///", "http://a.exa\x01mple/", "https://%zz/"}) {
    INFO(url);
    CHECK_FALSE(normalize_url(url).has_value());
  }
}

// Found by fuzz/fuzz_url: libcurl decodes an escaped DEL into the host, and a normal form with a
// raw control byte is a URL libcurl itself refuses to parse again.
TEST_CASE("url: an escaped control byte in the host gives nothing, never a raw one") {
  for (const char* url : {"http://a%7Fb.example/", "http://a.example%7f/", "http://a.example\x7f/",
                          "http://b\xC3\xBC"
                          "cher.ex\x7f\x7f/"}) {
    INFO(url);
    CHECK_FALSE(normalize_url(url).has_value());
    CHECK_FALSE(resolve_url(kBase, url).has_value());
  }
  CHECK_FALSE(resolve_url(kBase, "//a%7Fb.example/x").has_value());
  CHECK(normalized("http://a%41b.example/") == "http://aab.example/");
}

TEST_CASE("url: a bad base resolves nothing") {
  CHECK_FALSE(resolve_url("not a url", "/x").has_value());
  CHECK_FALSE(resolve_url("", "page.html").has_value());
  CHECK_FALSE(resolve_url("mailto:a@b.example", "page.html").has_value());
  CHECK(resolve_url("not a url", "https://a.example/x").value_or("") == "");
}

TEST_CASE("url: invalid UTF-8 in an href is escaped, not rejected") {
  CHECK(resolved("/x\xff\xfey") == "https://www.clinic.example/x%FF%FEy");
  CHECK(resolved("/\xC3") == "https://www.clinic.example/%C3");
  CHECK(resolved(std::string_view("/a\0b", 4)) == "https://www.clinic.example/a%00b");
}

TEST_CASE("url: URLs longer than the limit give nothing") {
  const std::string long_path(3000, 'a');
  CHECK_FALSE(resolve_url(kBase, "/" + long_path).has_value());
  CHECK_FALSE(normalize_url("https://a.example/" + long_path).has_value());
  CHECK(normalize_url("https://a.example/" + long_path, 4096).has_value());
  CHECK(resolve_url(kBase, "/" + std::string(2000, 'a')).has_value());
  // Escaping can make the result longer than the href.
  CHECK_FALSE(resolve_url(kBase, "/" + std::string(1000, ' ') + "x", 2048).has_value());
  CHECK(resolve_url("https://a.example/", "/abc", 21) == "https://a.example/abc");
  CHECK_FALSE(resolve_url("https://a.example/", "/abcd", 21).has_value());
}

TEST_CASE("url: non-ASCII host names come out as punycode or as UTF-8, never escaped") {
  const std::string out = normalized(
      "https://b\xC3\xBC"
      "cher.example/");
  CHECK((out == "https://xn--bcher-kva.example/" || out == "https://b\xC3\xBC"
                                                           "cher.example/"));
}

TEST_CASE("url: split_url gives the parts of a normalized URL") {
  const auto parts = split_url("https://a.example:8443/p/q?x=1&y=2");
  REQUIRE(parts.has_value());
  CHECK(parts->scheme == "https");
  CHECK(parts->host == "a.example");
  CHECK(parts->port == 8443);
  CHECK(parts->path == "/p/q");
  CHECK(parts->query == "x=1&y=2");

  const auto plain = split_url("http://a.example/");
  REQUIRE(plain.has_value());
  CHECK(plain->port == 80);
  CHECK(plain->query.empty());
  CHECK(split_url("https://a.example/")->port == 443);
  CHECK_FALSE(split_url("ftp://a.example/").has_value());
  CHECK_FALSE(split_url("nonsense").has_value());
}

TEST_CASE("url: origin_of keeps only scheme, host and a non-default port") {
  CHECK(origin_of("https://a.example/x?y#z") == "https://a.example");
  CHECK(origin_of("http://a.example:8080/x") == "http://a.example:8080");
  CHECK(origin_of("https://a.example:443/") == "https://a.example");
  CHECK(origin_of("http://[::1]:3000/") == "http://[::1]:3000");
  CHECK(origin_of("mailto:x@a.example").empty());
  CHECK(origin_of("").empty());
}

TEST_CASE("url: normalize_percent_encoding is what robots rules and URLs share") {
  CHECK(normalize_percent_encoding("/a%7e%2f%zz b\xC3\xA9*$") == "/a~%2F%25zz%20b%C3%A9*$");
  CHECK(normalize_percent_encoding("") == "");
}

TEST_CASE("url: many threads resolve at once against different bases") {
  std::vector<std::thread> threads;
  std::vector<int> failures(8, 0);
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([t, &failures] {
      const std::string base = "https://h" + std::to_string(t) + ".example/dir/";
      for (int i = 0; i < 2000; ++i) {
        const std::string want = base + "p" + std::to_string(i);
        const auto got = resolve_url(i % 2 ? base : base + "x", "p" + std::to_string(i));
        if (got != want) ++failures[t];
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (int count : failures) CHECK(count == 0);
}

TEST_CASE("url: resolving is fast enough for thousands of pages a second") {
  const std::vector<std::string> hrefs = {"/about-us/",
                                          "../services/cardiology.html?ref=nav",
                                          "https://cdn.example.net/x.js",
                                          "contact#form",
                                          "//www.clinic.example/blog/?utm_source=fb&page=2",
                                          "/find-a-doctor?q=a b"};
  constexpr int kRounds = 20000;
  // Processor time, so that a busy machine does not fail the test.
  const std::clock_t start = std::clock();
  std::size_t total = 0;
  for (int i = 0; i < kRounds; ++i) {
    for (const auto& href : hrefs) total += resolve_url(kBase, href).value_or("").size();
  }
  const double spent_us = 1e6 * static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
  const double per_resolve = spent_us / (kRounds * hrefs.size());
  INFO("resolve_url: " << per_resolve << " us per call");
  CHECK(total > 0);
  CHECK(per_resolve < 50);  // generous for sanitizer and debug builds; about 1-2 us optimized
}
