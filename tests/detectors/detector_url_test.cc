// Hosts of URLs and host lists (detectors/detector_url.cc).
#include "detectors/detector_url.h"

#include <catch2/catch.hpp>

namespace tagdrift::detectors {
namespace {

TEST_CASE("detector url: the host of absolute and protocol-relative URLs, lower case") {
  CHECK(url_host("https://WWW.GoogleTagManager.com/gtm.js?id=GTM-1") == "www.googletagmanager.com");
  CHECK(url_host("//cdn.callrail.com/companies/1/x/12/swap.js") == "cdn.callrail.com");
  CHECK(url_host("\n https://ct.pinterest.com/v3/") == "ct.pinterest.com");
  CHECK(url_host("javascript:void(0)").empty());
  CHECK(url_host("not a url").empty());
}

TEST_CASE("detector url: a host list covers subdomains, and host/path entries only that path") {
  CHECK(host_in("www.youtube.com", {"youtube.com"}));
  CHECK_FALSE(host_in("notyoutube.com", {"youtube.com"}));
  CHECK(url_in("https://www.google.com/maps/embed?pb=1", {"www.google.com/maps"}));
  CHECK_FALSE(url_in("https://www.google.com/ads/ga-audiences", {"www.google.com/maps"}));
}

}  // namespace
}  // namespace tagdrift::detectors
