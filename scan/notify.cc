#include "scan/notify.h"

#include <curl/curl.h>
#include <fmt/core.h>

#include <memory>

#include "crawler/curl_handles.h"
#include "crawler/url.h"
#include "util/version.h"

namespace tagdrift::scan {
namespace {

size_t discard(char*, size_t size, size_t count, void*) { return size * count; }

}  // namespace

std::string post_json(const std::string& url, const nlohmann::json& body, long timeout_ms) {
  std::string where = crawler::origin_of(url);
  if (where.empty()) return "notify URL is not http(s)";
  crawler::ensure_curl_initialised();
  crawler::CurlEasy easy(curl_easy_init());
  if (!easy) return "libcurl easy handle failed";
  std::string payload = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  crawler::CurlSlist headers(curl_slist_append(nullptr, "Content-Type: application/json"));
  const std::string agent = std::string("User-Agent: tagdrift/") + version();
  curl_slist_append(headers.get(), agent.c_str());
  curl_easy_setopt(easy.get(), CURLOPT_URL, url.c_str());
  curl_easy_setopt(easy.get(), CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(easy.get(), CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(easy.get(), CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(easy.get(), CURLOPT_POSTFIELDS, payload.c_str());
  curl_easy_setopt(easy.get(), CURLOPT_POSTFIELDSIZE_LARGE,
                   static_cast<curl_off_t>(payload.size()));
  curl_easy_setopt(easy.get(), CURLOPT_TIMEOUT_MS, timeout_ms);
  curl_easy_setopt(easy.get(), CURLOPT_WRITEFUNCTION, discard);
  CURLcode code = curl_easy_perform(easy.get());
  long status = 0;
  curl_easy_getinfo(easy.get(), CURLINFO_RESPONSE_CODE, &status);
  if (code != CURLE_OK) return fmt::format("notify {} failed: {}", where, curl_easy_strerror(code));
  if (status < 200 || status >= 300)
    return fmt::format("notify {} answered HTTP {}", where, status);
  return {};
}

}  // namespace tagdrift::scan
