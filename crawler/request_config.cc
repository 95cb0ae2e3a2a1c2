#include "crawler/request_config.h"

#include <algorithm>
#include <cstdlib>

#include "util/error.h"
#include "util/version.h"

namespace tagdrift::crawler {
namespace {

CurlSlist to_slist(const std::vector<std::string>& items) {
  curl_slist* list = nullptr;
  for (const auto& item : items) {
    curl_slist* grown = curl_slist_append(list, item.c_str());
    if (grown == nullptr) {
      curl_slist_free_all(list);
      throw Error(ExitCode::kUsage, "out of memory building the request headers");
    }
    list = grown;
  }
  return CurlSlist(list);
}

void check_headers(const std::vector<std::string>& headers) {
  for (const auto& header : headers) {
    auto colon = header.find(':');
    if (colon == std::string::npos || colon == 0 ||
        header.find_first_of("\r\n") != std::string::npos) {
      // The value may be a secret: name only what can be the header name.
      auto name_end = std::min(colon, header.find_first_of(" \t\r\n"));
      throw usage_error("bad --header (expected 'Name: value'): '" +
                        header.substr(0, std::min(name_end, header.size())) + "...'");
    }
  }
}

void check_resolve(const std::vector<std::string>& entries) {
  for (const auto& entry : entries) {
    auto first = entry.find(':');
    auto second = first == std::string::npos ? first : entry.find(':', first + 1);
    if (second == std::string::npos || second + 1 >= entry.size()) {
      throw usage_error("bad --resolve (expected HOST:PORT:ADDR): '" + entry + "'");
    }
  }
}

// curl's --connect-to: HOST:PORT:CONNECT-HOST:CONNECT-PORT, any part but the colons may be empty
// (an IPv6 address in brackets).
void check_connect_to(const std::vector<std::string>& entries) {
  for (const auto& entry : entries) {
    std::size_t colons = 0;
    bool bracket = false;
    for (char c : entry) {
      if (c == '[' || c == ']') bracket = c == '[';
      if (c == ':' && !bracket) ++colons;
    }
    if (colons != 3) {
      throw usage_error("bad --connect-to (expected HOST:PORT:CONNECT-HOST:CONNECT-PORT): '" +
                        entry + "'");
    }
  }
}

std::string join_cookies(const std::vector<std::string>& cookies) {
  std::string joined;
  for (const auto& cookie : cookies) {
    if (cookie.find('=') == std::string::npos) {
      throw usage_error("bad --cookie (expected name=value)");
    }
    if (!joined.empty()) joined += "; ";
    joined += cookie;
  }
  return joined;
}

std::string read_basic_auth(const std::string& variable) {
  if (variable.empty()) return {};
  const char* value = std::getenv(variable.c_str());
  if (value == nullptr || *value == '\0') {
    throw usage_error("basic-auth variable " + variable + " is not set");
  }
  if (std::string(value).find(':') == std::string::npos) {
    throw usage_error("basic-auth variable " + variable + " must hold user:password");
  }
  return value;
}

// A value stored from an earlier response is outside input: only printable bytes go back out.
bool safe_header_value(const std::string& value) {
  return !value.empty() && value.size() <= 1024 &&
         std::all_of(value.begin(), value.end(), [](char c) {
           auto byte = static_cast<unsigned char>(c);
           return byte >= 0x20 && byte != 0x7f;
         });
}

}  // namespace

RequestConfig::RequestConfig(const CrawlOptions& options)
    : options_(options),
      user_agent_(options.user_agent.empty() ? std::string("tagdrift/") + version()
                                             : options.user_agent),
      basic_auth_(read_basic_auth(options.basic_auth_env)),
      cookie_(join_cookies(options.cookies)) {
  check_headers(options.headers);
  check_resolve(options.resolve);
  check_connect_to(options.connect_to);
  headers_ = to_slist(options.headers);
  resolve_ = to_slist(options.resolve);
  connect_to_ = to_slist(options.connect_to);
}

void RequestConfig::apply(CURL* easy, const std::string& url, long timeout_ms) const {
  curl_easy_reset(easy);
  curl_easy_setopt(easy, CURLOPT_URL, url.c_str());
  // Only http and https, for the request and any redirect: a hostile page can never make the
  // crawler read a local file or speak another protocol.
  curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, "");
  curl_easy_setopt(easy, CURLOPT_HTTP_VERSION, CURL_HTTP_VERSION_2TLS);
  curl_easy_setopt(easy, CURLOPT_PIPEWAIT, 1L);
  curl_easy_setopt(easy, CURLOPT_USERAGENT, user_agent_.c_str());
  curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, options_.connect_timeout_ms);
  curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, timeout_ms);
  curl_easy_setopt(easy, CURLOPT_LOW_SPEED_LIMIT, options_.low_speed_bytes);
  curl_easy_setopt(easy, CURLOPT_LOW_SPEED_TIME, options_.low_speed_seconds);
  curl_easy_setopt(easy, CURLOPT_MAXFILESIZE_LARGE,
                   static_cast<curl_off_t>(options_.max_body_bytes));
  if (headers_) curl_easy_setopt(easy, CURLOPT_HTTPHEADER, headers_.get());
  if (resolve_) curl_easy_setopt(easy, CURLOPT_RESOLVE, resolve_.get());
  if (connect_to_) curl_easy_setopt(easy, CURLOPT_CONNECT_TO, connect_to_.get());
  if (!cookie_.empty()) curl_easy_setopt(easy, CURLOPT_COOKIE, cookie_.c_str());
  if (!basic_auth_.empty()) {
    curl_easy_setopt(easy, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
    curl_easy_setopt(easy, CURLOPT_USERPWD, basic_auth_.c_str());
  }
  if (!options_.proxy.empty()) curl_easy_setopt(easy, CURLOPT_PROXY, options_.proxy.c_str());
  if (!options_.cacert.empty()) curl_easy_setopt(easy, CURLOPT_CAINFO, options_.cacert.c_str());
  if (options_.insecure) {
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, 0L);
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, 0L);
  }
}

CurlSlist RequestConfig::apply_conditional(CURL* easy, const Validators& validators) const {
  std::vector<std::string> lines = options_.headers;
  if (safe_header_value(validators.etag)) lines.push_back("If-None-Match: " + validators.etag);
  if (safe_header_value(validators.last_modified)) {
    lines.push_back("If-Modified-Since: " + validators.last_modified);
  }
  CurlSlist list = to_slist(lines);
  curl_easy_setopt(easy, CURLOPT_HTTPHEADER, list.get());
  return list;
}

}  // namespace tagdrift::crawler
