// The cookies a visit left in its browser context (Storage.getCookies), each marked first- or
// third-party relative to the visited page.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "browser/visit_result.h"

namespace tagdrift::browser {

// `cookies` is Storage.getCookies' array; `page_url` the page the visit ended on. A cookie is
// third-party when its domain is not under the page host's registrable domain.
std::vector<ObservedCookie> cookie_list(const nlohmann::json& cookies, const std::string& page_url);

}  // namespace tagdrift::browser
