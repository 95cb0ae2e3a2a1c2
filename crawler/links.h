// The links of an HTML page that a crawl follows: <a>, <area>, <link rel=alternate|next|prev>,
// <iframe> and <frame>, resolved against the page (or its first <base href>) and normalized.
#pragma once

#include <gumbo.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "crawler/url.h"

namespace tagdrift::crawler {

// Distinct http(s) links in document order, at most `max_links`. rel=nofollow links are kept:
// an audit must see every page a visitor can reach. The tree is walked without recursion.
std::vector<std::string> extract_links(const GumboNode* root, std::string_view page_url,
                                       std::size_t max_links,
                                       std::size_t max_url_length = kDefaultMaxUrlLength);

// Parses `html` (cut to html_prefix_within_depth) with Gumbo and extracts its links.
std::vector<std::string> extract_links_from_html(std::string_view html, std::string_view page_url,
                                                 std::size_t max_links);

}  // namespace tagdrift::crawler
