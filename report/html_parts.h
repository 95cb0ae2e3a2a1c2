// Small pieces every section of the HTML report writes: escaped text, a severity or status badge
// with its word (never colour alone), a scan time people read, plurals.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "drift/report_model.h"

namespace tagdrift::report {

// html_escape(text): every string from a scan or the history goes through it.
std::string h(std::string_view text);

// <span class="sev sev-high">high</span>
std::string severity_badge(drift::Severity severity);

// <span class="status-new">new</span>
std::string status_badge(std::string_view status);

// "2026-11-26T10:00:00Z" -> "2026-11-26 10:00 UTC"; anything else escaped as it is.
std::string readable_time(std::string_view iso);

// "1 page", "3 pages"
std::string count_of(std::size_t count, std::string_view noun);

// A list of pages (site-relative URLs, escaped here): up to 10 as a list; a longer one collapsed
// behind its count, one plain line a page in a <pre>, with no markup per page. Never cut.
std::string page_list(const std::vector<std::string>& urls);

}  // namespace tagdrift::report
