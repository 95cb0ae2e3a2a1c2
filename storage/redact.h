// Keeps secrets out of the history: masks the values of URL parameters whose names look secret
// and drops user:password, before any URL is stored.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tagdrift::storage {

inline constexpr std::string_view kRedacted = "REDACTED";

// {"token", "key", "session", "password", "email"}.
const std::vector<std::string>& default_redact_patterns();

// `url` with the value of every query or fragment parameter whose name contains one of
// `patterns` (case-insensitive) replaced by "REDACTED", and without user:password. Empty
// `patterns` means the defaults. A URL with nothing to mask comes back unchanged, byte for byte;
// a relative reference or a string that is no URL still has its parameters masked.
std::string redact_url(std::string_view url, const std::vector<std::string>& patterns = {});

// `text` (an error message, a log line) with every URL in it redacted as by redact_url. A URL is
// a space-delimited word containing "://"; punctuation around it is kept.
std::string redact_urls_in_text(std::string_view text,
                                const std::vector<std::string>& patterns = {});

}  // namespace tagdrift::storage
