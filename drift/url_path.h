// Page addresses as drift matches and shows them: the path of a stored URL (policy globs match
// paths), and a short form for report lines (the path when the page is on the scanned site).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tagdrift::drift {

// The path of an absolute URL, without query or fragment; "/" when it has none.
// "https://www.clinic.test/services/ivf/?a=1" -> "/services/ivf/".
std::string url_path(std::string_view url);

// The URL as a report line shows it: its path when it is on the origin `site`, else whole.
std::string display_url(std::string_view url, std::string_view site);

// Up to `limit` URLs in display form, joined with ", ", then "and N more" for the rest.
std::string display_urls(const std::vector<std::string>& urls, std::string_view site,
                         std::size_t limit = 5);

}  // namespace tagdrift::drift
