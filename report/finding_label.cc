#include "report/finding_label.h"

namespace tagdrift::report {

std::string display_name(const drift::Finding& finding) {
  if (!finding.product.empty()) return finding.product;
  if (!finding.vendor.empty()) return finding.vendor;
  return "unknown tag";
}

std::string display_id(const drift::Finding& finding) {
  if (!finding.tag_id.empty()) return finding.tag_id;
  auto colon = finding.key.find(':');
  if (finding.key.starts_with("unknown:") && colon + 1 < finding.key.size()) {
    return finding.key.substr(colon + 1);
  }
  return "(no ID visible)";
}

std::string site_relative(const std::string& url, const std::string& site) {
  if (site.empty() || !url.starts_with(site)) return url;
  std::string rest = url.substr(site.size());
  if (rest.empty()) return "/";
  if (rest.front() == '/' || rest.front() == '?' || rest.front() == '#') return rest;
  return url;  // "https://www.clinic.test.evil" is not on the site
}

}  // namespace tagdrift::report
