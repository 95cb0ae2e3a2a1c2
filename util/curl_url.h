// One owner for libcurl's URL handle (CURLU) and the strings it hands out, so every stage that
// parses a URL with libcurl frees it the same way. libcurl stays the URL parser of record.
#pragma once

#include <curl/curl.h>

#include <memory>
#include <string>

namespace tagdrift {

struct CurlTextFree {
  void operator()(char* text) const { curl_free(text); }
};
using CurlText = std::unique_ptr<char, CurlTextFree>;

struct CurlUrlCleanup {
  void operator()(CURLU* url) const { curl_url_cleanup(url); }
};
using CurlUrl = std::unique_ptr<CURLU, CurlUrlCleanup>;

// `text` parsed by libcurl with `flags`; null when libcurl refuses it (or has no memory).
CurlUrl parse_curl_url(const std::string& text, unsigned int flags = 0);

// One part of a parsed URL; null when the URL has no such part or libcurl cannot give it.
CurlText url_part(CURLU* url, CURLUPart part, unsigned int flags = 0);

// The same as a string, empty when absent.
std::string url_part_text(CURLU* url, CURLUPart part, unsigned int flags = 0);

}  // namespace tagdrift
