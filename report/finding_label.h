// How people see a finding named in every human format: the product (or vendor), the tag's ID
// (or the host of an unknown third party), and a page URL shortened against the site.
#pragma once

#include <string>

#include "drift/report_model.h"

namespace tagdrift::report {

// "Pinterest Tag"; the vendor when the signature names no product.
std::string display_name(const drift::Finding& finding);

// The tag ID; for an unknown third party the part of the key after ':' (its host);
// "(no ID visible)" when neither is known.
std::string display_id(const drift::Finding& finding);

// "/services/fertility/" for "https://www.clinic.test/services/fertility/" on that site;
// any other URL unchanged.
std::string site_relative(const std::string& url, const std::string& site);

}  // namespace tagdrift::report
