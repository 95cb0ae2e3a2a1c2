// Every place in a page where a third-party tag can live, collected in one walk of the parsed
// page: what the matcher reads. Commented-out and consent-gated places are kept and flagged.
#pragma once

#include <gumbo.h>

#include <cstddef>
#include <string_view>
#include <vector>

#include "detectors/place.h"

namespace tagdrift::detectors {

struct PlaceLimits {
  std::size_t max_places = 20000;             // further places on the page are dropped
  std::size_t max_inline_bytes = 4u << 20;    // an inline script body is cut to this
  std::size_t max_comment_reparse_depth = 2;  // comments inside comments read this deep
};

// Places come in line order. What each kind holds (all with the 1-based source line of the
// element):
// - kScriptSrc: a <script src> the browser runs (type absent, JavaScript or "module"); value is
//   the src resolved against the page URL and its <base href>, raw as written, script_type the
//   type attribute. A script with another type is no place unless a consent manager gates it.
// - kScriptInline: the body of a running inline script, cut to max_inline_bytes; raw is empty.
// - kImg, kIframe; kNoscriptImg, kNoscriptIframe inside <noscript> (read as raw text, as a
//   browser with scripting does, then parsed again): resolved src.
// - kLink: href of <link rel=preconnect|dns-prefetch|preload|prefetch|modulepreload|prerender|
//   stylesheet>.
// - kMeta: "name=content" from name (or else property) and content; raw is "name" or "property".
// - kDataAttribute: "name=value" for attributes where vendors put IDs: data-*, names ending
//   in -id or _id (page_id), every attribute of a custom element (<chat-widget location-id>)
//   and a <script>'s on* handlers; values under 200 bytes without markup, at most 2000 a page;
//   raw is the attribute name.
// consent_gated: a <script> with a non-JavaScript type plus a consent manager's marker, or an
// iframe/img without src whose deferred src (data-src, ...) carries such a marker.
// commented: inside an HTML comment, or a server-side template comment (Blade, Handlebars,
// Liquid, Twig, JSP, ERB, Razor, PHP /* */ and // comments), parsed again for markup.
// Text that only shows markup (escaped, in <pre>, <textarea> or an attribute) is no place.

// Walks the tree once, iteratively (any nesting depth). `root` is the document node (or any
// node) of a Gumbo output whose source buffer is still alive: <noscript> content is read from
// it. The tree is taken as parsed, so template syntax is not masked: what a served page needs.
// Which of the two functions a page gets is decided by analyse_html() (html_analysis.h).
std::vector<Place> extract_places(const GumboNode* root, std::string_view page_url,
                                  const PlaceLimits& limits = {});

// Parses `html` as server template source (PHP, Blade, Liquid, Handlebars, ...) and extracts:
// when it holds template code, that is masked before parsing so it cannot hide tags or fake
// comments, and template comments are read as commented out. Text without template code is
// parsed as it is. Comments and <noscript> content are read the same way by both functions.
std::vector<Place> extract_places_from_html(std::string_view html, std::string_view page_url,
                                            const PlaceLimits& limits = {});

}  // namespace tagdrift::detectors
