#include "util/curl_url.h"

namespace tagdrift {

CurlUrl parse_curl_url(const std::string& text, unsigned int flags) {
  CurlUrl url(curl_url());
  if (!url || curl_url_set(url.get(), CURLUPART_URL, text.c_str(), flags) != CURLUE_OK) {
    return nullptr;
  }
  return url;
}

CurlText url_part(CURLU* url, CURLUPart part, unsigned int flags) {
  char* text = nullptr;
  if (curl_url_get(url, part, &text, flags) != CURLUE_OK) {
    curl_free(text);
    return nullptr;
  }
  return CurlText(text);
}

std::string url_part_text(CURLU* url, CURLUPart part, unsigned int flags) {
  CurlText text = url_part(url, part, flags);
  return text ? std::string(text.get()) : std::string();
}

}  // namespace tagdrift
