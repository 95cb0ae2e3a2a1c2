// A place in a page where a third-party tag can live: what the Gumbo walk hands to the matcher.
#pragma once

#include <string>

namespace tagdrift::detectors {

enum class PlaceKind {
  kScriptSrc,       // <script src>
  kScriptInline,    // inline <script> body
  kNoscriptImg,     // <img> inside <noscript>
  kNoscriptIframe,  // <iframe> inside <noscript>
  kImg,             // <img src>
  kIframe,          // <iframe src>
  kLink,            // <link rel=preconnect|dns-prefetch|preload|...> href
  kMeta,            // <meta name|property=... content=...>
  kDataAttribute,   // data-* attribute where vendors put IDs
  kExternalJs,      // body of a script the page loads, fetched by the crawler
  kNetwork,         // a request the page sent in a browser (a beacon): detectors/network_match.h
};

// The manifest/report name of a place kind: script-src, script-inline, noscript-img, ...
const char* place_kind_name(PlaceKind kind);

struct Place {
  PlaceKind kind = PlaceKind::kScriptInline;
  std::string value;  // resolved absolute URL for src/href kinds; text for inline, meta, data, js
  std::string raw;    // as written in the page (URL before resolution, attribute name, ...)
  std::string script_type;     // the <script type>, empty when absent
  bool commented = false;      // inside an HTML or server-side template comment: not active
  bool consent_gated = false;  // blocked until consent by a consent-manager convention
  std::string via;             // kExternalJs: the script URL it came from
  unsigned line = 0;           // 1-based line in the page source, 0 when unknown
};

}  // namespace tagdrift::detectors
