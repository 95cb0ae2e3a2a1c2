// Hosts of URLs and host lists (detectors/detector_url.cc).
#include "detectors/detector_url.h"

#include <curl/curl.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cctype>
#include <string>
#include <vector>

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

namespace tagdrift::detectors {
namespace {

// The host libcurl reports, lower-cased: what url_host must agree with, shortcut or not.
std::string host_by_libcurl(const std::string& url) {
  std::string text = url.substr(std::min(url.find_first_not_of(" \t\r\n"), url.size()));
  if (text.starts_with("//")) text = "https:" + text;
  CURLU* handle = curl_url();
  std::string host;
  char* scheme = nullptr;
  char* value = nullptr;
  if (curl_url_set(handle, CURLUPART_URL, text.c_str(), 0) == CURLUE_OK &&
      curl_url_get(handle, CURLUPART_SCHEME, &scheme, 0) == CURLUE_OK &&
      (std::string(scheme) == "http" || std::string(scheme) == "https") &&
      curl_url_get(handle, CURLUPART_HOST, &value, 0) == CURLUE_OK) {
    host = value;
  }
  curl_free(scheme);
  curl_free(value);
  curl_url_cleanup(handle);
  for (char& c : host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return host;
}

TEST_CASE("detector url: plain URLs read without libcurl give the host libcurl gives") {
  const std::vector<std::string> urls = {
      "https://www.googletagmanager.com/gtm.js?id=GTM-1",
      "http://Connect.Facebook.NET/en_US/fbevents.js#x",
      "https://s.pinimg.com",
      "https://localhost/a",
      "https://a-b.example/x y",
      "https://a.example/x\ty",
      "https://a.example/\x7f",
      "https://a.example/caf\xc3\xa9",
      "https://a.example/<script>",
      "https://127.0.0.1/x",
      "https://127.1/x",
      "https://0x7f.0.0.1/x",
      "https://2130706433/",
      "https://[::1]:8443/x",
      "https://user:pw@a.example/",
      "https://a.example:8443/x",
      "https://a.example:99999/x",
      "https://a.example./x",
      "https://exa_mple.com/x",
      "https://xn--bcher-kva.example/",
      "https:///x",
      "https://.example/x",
      "https://a..example/x",
      "HTTPS://A.EXAMPLE/",
      "https://a.example\\x",
      "  https://a.example/x",
      "https://a.example/x ",
  };
  for (const std::string& url : urls) {
    INFO(url);
    CHECK(url_host(url) == host_by_libcurl(url));
  }
}

}  // namespace
}  // namespace tagdrift::detectors
