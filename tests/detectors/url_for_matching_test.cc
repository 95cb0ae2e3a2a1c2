#include "detectors/url_for_matching.h"

#include <catch2/catch.hpp>

using tagdrift::detectors::url_for_matching;

namespace {
constexpr const char* kPage = "https://Clinic.example/services/teeth/whitening.html?x=1#top";
}

TEST_CASE("url_for_matching: an absolute URL keeps its path and lower-cases scheme and host") {
  CHECK(url_for_matching(kPage, "HTTPS://Connect.Facebook.NET/en_US/fbevents.js") ==
        "https://connect.facebook.net/en_US/fbevents.js");
  CHECK(url_for_matching("", "http://a.example/x?id=GTM-ABC") == "http://a.example/x?id=GTM-ABC");
}

TEST_CASE("url_for_matching: protocol-relative takes the page's scheme, or https without one") {
  CHECK(url_for_matching("http://clinic.example/", "//cdn.callrail.com/swap.js") ==
        "http://cdn.callrail.com/swap.js");
  CHECK(url_for_matching("", "//cdn.callrail.com/swap.js") == "https://cdn.callrail.com/swap.js");
  // A host with no path stays so: no root path is made up.
  CHECK(url_for_matching(kPage, "//Connect.facebook.net?x=1") ==
        "https://connect.facebook.net?x=1");
  CHECK(url_for_matching(kPage, "HTTPS://A.example") == "https://a.example");
}

TEST_CASE("url_for_matching: root- and path-relative resolve against the page directory") {
  CHECK(url_for_matching(kPage, "/js/app.js") == "https://clinic.example/js/app.js");
  CHECK(url_for_matching(kPage, "app.js") == "https://clinic.example/services/teeth/app.js");
  CHECK(url_for_matching(kPage, "../s.pinimg.com/ct/core.js") ==
        "https://clinic.example/services/s.pinimg.com/ct/core.js");
  CHECK(url_for_matching(kPage, "../../../../x.js") == "https://clinic.example/x.js");
  CHECK(url_for_matching(kPage, "./a/./b/../c.js?q=1") ==
        "https://clinic.example/services/teeth/a/c.js?q=1");
  CHECK(url_for_matching("https://clinic.example", "x.js") == "https://clinic.example/x.js");
}

TEST_CASE("url_for_matching: query- and fragment-only references replace just that part") {
  CHECK(url_for_matching(kPage, "?id=1") ==
        "https://clinic.example/services/teeth/whitening.html?id=1");
  CHECK(url_for_matching(kPage, "#f") ==
        "https://clinic.example/services/teeth/whitening.html?x=1#f");
}

TEST_CASE("url_for_matching: whitespace around and line breaks inside are dropped") {
  CHECK(url_for_matching(kPage, "\n  https://www.googletagmanager.com/ns.html?id=GTM-1\n") ==
        "https://www.googletagmanager.com/ns.html?id=GTM-1");
  CHECK(url_for_matching(kPage, "https://www.facebook.com/tr?id=1&ev=PageView\r\n&noscript=1") ==
        "https://www.facebook.com/tr?id=1&ev=PageView&noscript=1");
}

TEST_CASE("url_for_matching: template placeholders survive as text") {
  CHECK(url_for_matching(kPage, "{{ asset('js/app.js') }}") ==
        "https://clinic.example/services/teeth/{{ asset('js/app.js') }}");
  CHECK(url_for_matching(kPage, "<?php echo $dir ?>/x.js") ==
        "https://clinic.example/services/teeth/<?php echo $dir ?>/x.js");
  CHECK(url_for_matching(kPage, "//cdn.cookie-script.com/s/{{ env('ID') }}.js") ==
        "https://cdn.cookie-script.com/s/{{ env('ID') }}.js");
  CHECK(url_for_matching("", "{{ site.url }}/a.js") == "{{ site.url }}/a.js");
}

TEST_CASE("url_for_matching: other schemes and odd input come back as written") {
  CHECK(url_for_matching(kPage, "javascript:void(0)") == "javascript:void(0)");
  CHECK(url_for_matching(kPage, "mailto:a@b.example") == "mailto:a@b.example");
  CHECK(url_for_matching(kPage, "   ") ==
        "https://Clinic.example/services/teeth/whitening.html?x=1#top");
  CHECK(url_for_matching("not a url", "x.js") == "x.js");
  // Control bytes are percent-encoded, as a browser sends them (libcurl refuses them raw).
  CHECK(url_for_matching(kPage, std::string(1, '\0')) ==
        "https://clinic.example/services/teeth/%00");
  // What libcurl refuses (a space in the host, a port out of range) is matched as written.
  CHECK(url_for_matching(kPage, "https://exa mple.com/x") == "https://exa mple.com/x");
  CHECK(url_for_matching(kPage, "//h.example:99999/x") == "//h.example:99999/x");
}

TEST_CASE("url_for_matching: placeholders stand anywhere, closed or not, and keep their case") {
  CHECK(url_for_matching(kPage, "//{{ CDN_HOST }}/x.js?id={% id %}") ==
        "https://{{ CDN_HOST }}/x.js?id={% id %}");
  CHECK(url_for_matching(kPage, "/js/<%= Bundle %>.js#${hash}") ==
        "https://clinic.example/js/<%= Bundle %>.js#${hash}");
  CHECK(url_for_matching(kPage, "/a.js?v={{ unclosed") ==
        "https://clinic.example/a.js?v={{ unclosed");
  CHECK(url_for_matching(kPage, "/a b.js?q=$x") == "https://clinic.example/a%20b.js?q=$x");
}
