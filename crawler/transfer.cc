#include "crawler/transfer.h"

#include <algorithm>
#include <cctype>
#include <string_view>

#include "util/ascii.h"

namespace tagdrift::crawler {
namespace {

bool content_type_allows(Transfer& transfer) {
  char* type = nullptr;
  curl_easy_getinfo(transfer.easy.get(), CURLINFO_CONTENT_TYPE, &type);
  transfer.page.content_type = type != nullptr ? type : "";
  long status = 0;
  curl_easy_getinfo(transfer.easy.get(), CURLINFO_RESPONSE_CODE, &status);
  // Error pages and redirects are not parsed anyway; only judge a successful response.
  if (status < 200 || status >= 300) return true;
  return is_html_content_type(transfer.page.content_type);
}

size_t on_body(char* data, size_t size, size_t count, void* user) {
  auto& transfer = *static_cast<Transfer*>(user);
  size_t bytes = size * count;
  if (transfer.html_only && transfer.page.body.empty() && !content_type_allows(transfer)) {
    transfer.not_html = true;
    return CURL_WRITEFUNC_ERROR;
  }
  if (transfer.page.body.size() + bytes > transfer.max_body) {
    transfer.too_big = true;
    return CURL_WRITEFUNC_ERROR;
  }
  transfer.page.body.append(data, bytes);
  return bytes;
}

bool header_is(std::string_view line, std::string_view name) {
  if (line.size() <= name.size() || line[name.size()] != ':') return false;
  return istarts_with(line, name);
}

std::string header_value(std::string_view line, std::size_t name_length) {
  std::string_view value = line.substr(name_length + 1);
  while (!value.empty() && std::isspace(static_cast<unsigned char>(value.front()))) {
    value.remove_prefix(1);
  }
  while (!value.empty() && std::isspace(static_cast<unsigned char>(value.back()))) {
    value.remove_suffix(1);
  }
  return std::string(value);
}

size_t on_header(char* data, size_t size, size_t count, void* user) {
  auto& transfer = *static_cast<Transfer*>(user);
  std::string_view line(data, size * count);
  if (line.starts_with("HTTP/")) {
    transfer.location.clear();
    transfer.retry_after.clear();
    transfer.page.etag.clear();
    transfer.page.last_modified.clear();
  } else if (header_is(line, "location")) {
    transfer.location = header_value(line, 8);
  } else if (header_is(line, "retry-after")) {
    transfer.retry_after = header_value(line, 11);
  } else if (header_is(line, "etag")) {
    transfer.page.etag = header_value(line, 4);
  } else if (header_is(line, "last-modified")) {
    transfer.page.last_modified = header_value(line, 13);
  }
  return size * count;
}

}  // namespace

void Transfer::attach_callbacks() {
  curl_easy_setopt(easy.get(), CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(easy.get(), CURLOPT_WRITEDATA, this);
  curl_easy_setopt(easy.get(), CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(easy.get(), CURLOPT_HEADERDATA, this);
  curl_easy_setopt(easy.get(), CURLOPT_PRIVATE, this);
  error_buffer[0] = '\0';
  curl_easy_setopt(easy.get(), CURLOPT_ERRORBUFFER, error_buffer);
}

std::string Transfer::describe(CURLcode code) const {
  return error_buffer[0] != '\0' ? std::string(error_buffer) : curl_easy_strerror(code);
}

void Transfer::reset_response() {
  page.body.clear();
  page.status = 0;
  page.content_type.clear();
  too_big = false;
  not_html = false;
  retry_after.clear();
  location.clear();
  page.etag.clear();
  page.last_modified.clear();
}

}  // namespace tagdrift::crawler
