// Fuzzes policy files: TOML parsing, the rule checks and glob compilation, then every rule is
// applied to a few findings and paths. A bad file may only end in tagdrift::Error.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "drift/policy.h"
#include "drift/policy_check.h"
#include "util/error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace tagdrift::drift;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  Policy policy;
  try {
    policy = parse_policy(text, "fuzz-policy.toml", {"meta", "pinterest", "google-analytics"});
  } catch (const tagdrift::Error&) {
    return 0;
  }
  Finding finding;
  finding.key = "pinterest:2612345678901";
  finding.vendor = "pinterest";
  finding.category = "advertising";
  for (const char* url :
       {"https://www.example-clinic.test/", "https://www.example-clinic.test/services/ivf/?a=1",
        "https://www.example-clinic.test/blog/2024/post.html"}) {
    finding.pages.push_back({.url = std::string(url)});
  }
  policy_violations(policy, finding, "https://www.example-clinic.test");
  for (const PolicyRule& rule : policy.deny) {
    selects(rule, finding);
    covering_glob(rule, "/services/ivf/");
  }
  return 0;
}
