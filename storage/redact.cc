#include "storage/redact.h"

#include <algorithm>
#include <cctype>
#include <memory>

#include "util/ascii.h"
#include "util/curl_url.h"

namespace tagdrift::storage {

namespace {

bool is_secret_name(std::string_view name, const std::vector<std::string>& patterns) {
  return std::any_of(patterns.begin(), patterns.end(),
                     [&](const std::string& pattern) { return icontains(name, pattern); });
}

// Masks "name=value" pairs separated by '&'; sets `changed` when it masked one.
std::string redact_parameters(std::string_view parameters, const std::vector<std::string>& patterns,
                              bool& changed) {
  std::string out;
  while (true) {
    std::size_t end = std::min(parameters.find('&'), parameters.size());
    std::string_view pair = parameters.substr(0, end);
    std::size_t equals = pair.find('=');
    if (equals != std::string_view::npos && equals + 1 < pair.size() &&
        is_secret_name(pair.substr(0, equals), patterns)) {
      out.append(pair.substr(0, equals + 1)).append(kRedacted);
      changed = true;
    } else {
      out.append(pair);
    }
    if (end == parameters.size()) return out;
    out += '&';
    parameters.remove_prefix(end + 1);
  }
}

// For what libcurl cannot parse (relative references, odd schemes): the parameters after the
// first '?' and after the first '#' are masked all the same.
std::string redact_text(std::string_view text, const std::vector<std::string>& patterns) {
  bool changed = false;
  std::size_t hash = std::min(text.find('#'), text.size());
  std::size_t question = std::min(text.find('?'), hash);
  std::string out(text.substr(0, question));
  if (question < hash) {
    out += '?';
    out += redact_parameters(text.substr(question + 1, hash - question - 1), patterns, changed);
  }
  if (hash < text.size()) {
    out += '#';
    out += redact_parameters(text.substr(hash + 1), patterns, changed);
  }
  return changed ? out : std::string(text);
}

bool drop_part(CURLU* url, CURLUPart part) {
  if (!url_part(url, part)) return false;
  return curl_url_set(url, part, nullptr, 0) == CURLUE_OK;
}

bool redact_part(CURLU* url, CURLUPart part, const std::vector<std::string>& patterns) {
  const CurlText value = url_part(url, part);
  if (!value) return false;
  bool changed = false;
  std::string masked = redact_parameters(value.get(), patterns, changed);
  return changed && curl_url_set(url, part, masked.c_str(), 0) == CURLUE_OK;
}

// Only user info (before an '@'), a query or a fragment can hold a secret, and a query or fragment
// only when a pattern occurs in it: most URLs are seen to be clean without parsing them.
bool may_hold_secret(std::string_view url, const std::vector<std::string>& patterns) {
  if (url.find('@') != std::string_view::npos) return true;
  std::size_t start = url.find_first_of("?#");
  return start != std::string_view::npos && is_secret_name(url.substr(start), patterns);
}

}  // namespace

const std::vector<std::string>& default_redact_patterns() {
  static const std::vector<std::string> patterns = {"token", "key", "session", "password", "email"};
  return patterns;
}

std::string redact_url(std::string_view url, const std::vector<std::string>& patterns) {
  const std::vector<std::string>& names = patterns.empty() ? default_redact_patterns() : patterns;
  if (!may_hold_secret(url, names)) return std::string(url);
  std::string text(url);
  constexpr unsigned kParseFlags = CURLU_NON_SUPPORT_SCHEME | CURLU_PATH_AS_IS | CURLU_ALLOW_SPACE;
  const CurlUrl handle = parse_curl_url(text, kParseFlags);
  if (!handle) return redact_text(text, names);
  bool changed = drop_part(handle.get(), CURLUPART_USER);
  changed = drop_part(handle.get(), CURLUPART_PASSWORD) || changed;
  changed = redact_part(handle.get(), CURLUPART_QUERY, names) || changed;
  changed = redact_part(handle.get(), CURLUPART_FRAGMENT, names) || changed;
  if (!changed) return text;
  const CurlText result = url_part(handle.get(), CURLUPART_URL);
  return result ? std::string(result.get()) : redact_text(text, names);
}

std::string redact_urls_in_text(std::string_view text, const std::vector<std::string>& patterns) {
  std::string out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = std::min(text.find(' ', start), text.size());
    std::string_view word = text.substr(start, end - start);
    std::size_t scheme_end = word.find("://");
    if (scheme_end == std::string_view::npos) {
      out += word;
    } else {
      // The URL runs from its scheme to the word's end, less closing punctuation.
      std::size_t begin = scheme_end;
      while (begin > 0 &&
             (std::isalnum(static_cast<unsigned char>(word[begin - 1])) || word[begin - 1] == '+' ||
              word[begin - 1] == '-' || word[begin - 1] == '.')) {
        --begin;
      }
      std::size_t last = word.find_last_not_of(":,;)\"'>");
      std::size_t finish =
          last == std::string_view::npos || last < scheme_end ? word.size() : last + 1;
      out += word.substr(0, begin);
      out += redact_url(word.substr(begin, finish - begin), patterns);
      out += word.substr(finish);
    }
    if (end < text.size()) out += ' ';
    start = end + 1;
  }
  return out;
}

}  // namespace tagdrift::storage
