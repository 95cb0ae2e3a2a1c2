#include "crawler/script_cache.h"

#include <fmt/core.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "crawler/curl_handles.h"
#include "crawler/url.h"

namespace tagdrift::crawler {
namespace {

struct Download {
  std::string body;
  std::size_t limit = 0;
  bool too_big = false;
  long long announced = -1;  // the last response's Content-Length, when it sent one
  bool encoded = false;      // a Content-Encoding: the length is not the script's size
};

// Keeps the Content-Length a response announces, so that a script over the limit is reported
// with its size though its body is never read.
size_t on_script_header(char* data, size_t size, size_t count, void* user) {
  auto& download = *static_cast<Download*>(user);
  const std::string_view line(data, size * count);
  constexpr std::string_view kName = "content-length:";
  constexpr std::string_view kEncoding = "content-encoding:";
  std::string lower(line.substr(0, kEncoding.size()));
  for (char& c : lower) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  if (lower.starts_with("http/")) download.encoded = false;  // a new response after a redirect
  if (lower == kEncoding) download.encoded = true;
  if (line.size() > kName.size()) {
    const std::string name = lower.substr(0, kName.size());
    if (name == kName) {
      std::string value(line.substr(kName.size()));
      char* end = nullptr;
      long long parsed = std::strtoll(value.c_str(), &end, 10);
      download.announced = end != value.c_str() && parsed >= 0 ? parsed : -1;
    }
  }
  return size * count;
}

ScriptResult failure(ScriptProblem problem, std::string error) {
  return {{}, std::move(error), problem};
}

ScriptResult too_large(long long size, std::size_t limit) {
  if (size <= static_cast<long long>(limit)) {
    return failure(ScriptProblem::kTooLarge, fmt::format("over the limit of {} bytes", limit));
  }
  return failure(ScriptProblem::kTooLarge, fmt::format("{} bytes, over the limit of {}",
                                                       static_cast<long long>(size), limit));
}

std::string lowercase_media_type(std::string_view content_type) {
  std::string type(content_type.substr(0, content_type.find(';')));
  while (!type.empty() && type.back() == ' ') type.pop_back();
  for (char& c : type) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return type;
}

size_t on_script_body(char* data, size_t size, size_t count, void* user) {
  auto& download = *static_cast<Download*>(user);
  if (download.body.size() + size * count > download.limit) {
    download.too_big = true;
    return CURL_WRITEFUNC_ERROR;
  }
  download.body.append(data, size * count);
  return size * count;
}

std::string with_slash(std::string base) {
  if (base.empty() || base.back() != '/') base += '/';
  return base;
}

}  // namespace

bool is_not_javascript(std::string_view content_type) {
  const std::string type = lowercase_media_type(content_type);
  for (std::string_view prefix : {"image/", "audio/", "video/", "font/"}) {
    if (type.starts_with(prefix)) return true;
  }
  for (std::string_view exact :
       {"text/html", "application/xhtml+xml", "text/xml", "application/xml", "text/css"}) {
    if (type == exact) return true;
  }
  return false;
}

ScriptCache::ScriptCache(const CrawlOptions& options) : options_(options), config_(options) {
  ensure_curl_initialised();
}

ScriptCache::~ScriptCache() = default;

std::size_t ScriptCache::fetched() const {
  std::lock_guard lock(mutex_);
  return cache_.size();
}

std::string ScriptCache::error_of(const std::string& url) const {
  std::shared_future<ScriptResult> future;
  {
    std::lock_guard lock(mutex_);
    auto found = cache_.find(url);
    if (found == cache_.end()) return {};
    future = found->second;
  }
  return future.get().error;
}

std::vector<std::string> ScriptCache::urls() const {
  std::vector<std::string> urls;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [url, result] : cache_) urls.push_back(url);
  }
  std::sort(urls.begin(), urls.end());
  return urls;
}

ScriptResult ScriptCache::fetch(const std::string& url) {
  std::promise<ScriptResult> promise;
  std::shared_future<ScriptResult> future;
  bool first = false;
  {
    std::lock_guard lock(mutex_);
    auto found = cache_.find(url);
    if (found != cache_.end()) {
      future = found->second;
    } else if (cache_.size() >= options_.max_scripts) {
      return failure(ScriptProblem::kOverLimit,
                     fmt::format("more than {} scripts in one scan", options_.max_scripts));
    } else {
      future = promise.get_future().share();
      cache_.emplace(url, future);
      first = true;
    }
  }
  if (first) promise.set_value(load(url));
  return future.get();
}

ScriptResult ScriptCache::load(const std::string& url) const {
  auto parts = split_url(url);
  if (!parts) return failure(ScriptProblem::kFetchFailed, "not an http(s) URL");
  ScriptResult local = load_local(url);
  if (!local.body.empty() || !local.error.empty()) return local;
  CurlEasy easy(curl_easy_init());
  if (!easy) return failure(ScriptProblem::kFetchFailed, "libcurl easy handle failed");
  config_.apply(easy.get(), url, options_.timeout_ms);
  curl_easy_setopt(easy.get(), CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(easy.get(), CURLOPT_MAXREDIRS, static_cast<long>(options_.max_redirects));
  Download download{{}, options_.max_script_bytes, false};
  curl_easy_setopt(easy.get(), CURLOPT_WRITEFUNCTION, on_script_body);
  curl_easy_setopt(easy.get(), CURLOPT_WRITEDATA, &download);
  curl_easy_setopt(easy.get(), CURLOPT_HEADERFUNCTION, on_script_header);
  curl_easy_setopt(easy.get(), CURLOPT_HEADERDATA, &download);
  CURLcode code = curl_easy_perform(easy.get());
  long status = 0;
  curl_easy_getinfo(easy.get(), CURLINFO_RESPONSE_CODE, &status);
  if (download.too_big) {
    return too_large(download.encoded ? -1 : download.announced, options_.max_script_bytes);
  }
  if (code != CURLE_OK) return failure(ScriptProblem::kFetchFailed, curl_easy_strerror(code));
  if (status < 200 || status >= 300) {
    return failure(ScriptProblem::kFetchFailed, fmt::format("HTTP {}", status));
  }
  const char* type = nullptr;
  curl_easy_getinfo(easy.get(), CURLINFO_CONTENT_TYPE, &type);
  if (type != nullptr && is_not_javascript(type)) {
    return failure(ScriptProblem::kNotJavaScript, fmt::format("served as {}", type));
  }
  return {std::move(download.body), {}, ScriptProblem::kNone};
}

// For directory targets, a script under --base-url is read from the directory itself.
ScriptResult ScriptCache::load_local(const std::string& url) const {
  std::string base = with_slash(options_.base_url);
  if (url.rfind(base, 0) != 0) return {};
  std::string relative = url.substr(base.size());
  relative = relative.substr(0, relative.find_first_of("?#"));
  if (relative.find("..") != std::string::npos) {
    return failure(ScriptProblem::kFetchFailed, "path escapes the site directory");
  }
  for (const auto& target : options_.targets) {
    std::error_code error;
    if (!std::filesystem::is_directory(target, error)) continue;
    std::filesystem::path file = std::filesystem::path(target) / relative;
    auto size = std::filesystem::file_size(file, error);
    if (error) continue;
    if (size > options_.max_script_bytes) {
      return too_large(static_cast<long long>(size), options_.max_script_bytes);
    }
    std::ifstream in(file, std::ios::binary);
    std::string body(size, '\0');
    if (in.read(body.data(), static_cast<std::streamsize>(size))) {
      return {std::move(body), {}, ScriptProblem::kNone};
    }
  }
  return {};
}

}  // namespace tagdrift::crawler
