// Bounded decompression of gzip (and zlib) data, for sitemap.xml.gz and bodies a server
// compressed without saying so: a compression bomb stops at the budget.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace tagdrift::crawler {

// True when `data` starts with the gzip magic bytes 1f 8b.
bool looks_gzipped(std::string_view data);

// Inflates gzip (all members of a multi-member file) or zlib data into at most `max_output`
// bytes. Nothing on corrupt or truncated input or when the output would exceed the budget;
// `error` (when given) then says why, e.g. "decompressed size exceeds N bytes".
std::optional<std::string> gunzip(std::string_view data, std::size_t max_output,
                                  std::string* error = nullptr);

}  // namespace tagdrift::crawler
