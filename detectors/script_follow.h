// Which scripts a page loads are worth fetching and matching as external-js: known tag-manager
// containers (their signatures say `follow = true` or give a `follow_url`) and same-site
// first-party bundles. Third-party libraries are not fetched.
#pragma once

#include <string>
#include <string_view>

#include "detectors/place.h"

namespace tagdrift::detectors {

// True for a live (not commented) <script src> on the page's own site.
bool is_first_party_script(const Place& place, std::string_view page_host);

// A signature's follow_url with "{id}" replaced by `tag_id`; empty when either is empty.
std::string follow_url_for(std::string_view follow_url, std::string_view tag_id);

}  // namespace tagdrift::detectors
