// A request a page sent in a browser, matched against the signatures' network patterns: a vendor
// beacon becomes a sighting with the account ID, event names and enhanced-match field names as
// sent (place "network"); a request to a third-party host no signature knows becomes an unknown
// sighting by host, with the script that sent it. Pure and thread-safe.
#pragma once

#include <string>

#include "detectors/request_params.h"
#include "detectors/sighting.h"
#include "detectors/signature_set.h"

namespace tagdrift::detectors {

// One request as the browser records it.
struct NetworkRequest {
  std::string url;
  std::string method = "GET";
  std::string body;          // as much of the POST body as the browser kept
  std::string content_type;  // of the body
  std::string page_url;      // the page that sent it
  std::string initiator;     // the script that caused it; empty when unknown
};

// Fills `active` with at most one vendor sighting, or `unknown` with at most one unknown
// third-party sighting; both empty for a first-party request, a known vendor's request that is
// no beacon (its script, say), an allowed host or a URL that is not http(s).
PageDetections match_request(const SignatureSet& signatures, const NetworkRequest& request,
                             const RequestLimits& limits = {});

}  // namespace tagdrift::detectors
