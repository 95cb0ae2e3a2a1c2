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

// Deeper HTML is cut off before it reaches Gumbo, whose tree building takes time quadratic in
// the nesting depth. Browsers cap the depth of the tree they build near here too.
inline constexpr std::size_t kMaxHtmlDepth = 512;

// Distinct http(s) links in document order, at most `max_links`. rel=nofollow links are kept:
// an audit must see every page a visitor can reach. The tree is walked without recursion.
std::vector<std::string> extract_links(const GumboNode* root, std::string_view page_url,
                                       std::size_t max_links,
                                       std::size_t max_url_length = kDefaultMaxUrlLength);

// Parses `html` (cut to html_prefix_within_depth) with Gumbo and extracts its links.
std::vector<std::string> extract_links_from_html(std::string_view html, std::string_view page_url,
                                                 std::size_t max_links);

// The length of the longest prefix of `html` whose elements nest at most `max_depth` deep, by
// a conservative estimate of the HTML tree builder's stack of open elements. Anything that
// parses HTML with Gumbo should parse only this prefix.
std::size_t html_prefix_within_depth(std::string_view html, std::size_t max_depth = kMaxHtmlDepth);

}  // namespace tagdrift::crawler
