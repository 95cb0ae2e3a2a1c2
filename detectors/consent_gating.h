// Consent-manager conventions that hold a script, iframe or image back until the visitor consents:
// a type the browser does not run (or a deferred src) plus a consent manager's marker.
#pragma once

#include <gumbo.h>

#include <string_view>

namespace tagdrift::detectors {

// The consent manager whose marker attribute or class `element` carries ("cookiebot",
// "onetrust", ...), or empty when it carries none.
std::string_view consent_marker(const GumboElement& element);

// True for a <script> that a consent manager releases on consent: its type is neither
// JavaScript nor a data block (text/plain, text/x-..., didomi/javascript) and it has a marker.
bool is_consent_gated_script(const GumboElement& script);

// The URL a consent manager loads into a script, iframe or img on consent (data-src and the
// managers' own attributes), or nullptr when there is none.
const char* deferred_src(const GumboElement& element);

// True for an iframe or img that has no live src, a deferred src and a marker.
bool is_consent_gated_embed(const GumboElement& element);

}  // namespace tagdrift::detectors
