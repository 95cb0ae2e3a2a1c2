// Consent managers' accept controls as data: every manager the runtime visit accepts through has
// them in its file, and a mistake in a selector or call is reported with file and line.
#include "detectors/consent_accept.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>

#include "detectors/signature_check.h"
#include "detectors/signature_set.h"
#include "tests/support/temp_dir.h"

namespace tagdrift::detectors {
namespace {

const ConsentAccept* accept_of(const SignatureSet& set, const std::string& vendor) {
  for (const ConsentAccept& accept : set.consent_accepts()) {
    if (accept.vendor == vendor) return &accept;
  }
  return nullptr;
}

TEST_CASE("consent accept: the eight consent managers' accept controls are loaded") {
  SignatureSet set;
  for (const char* vendor : {"onetrust", "cookiebot", "usercentrics", "osano", "cookieyes",
                             "complianz", "termly", "trustarc"}) {
    INFO(vendor);
    const ConsentAccept* accept = accept_of(set, vendor);
    REQUIRE(accept != nullptr);
    CHECK((!accept->selectors.empty() || !accept->script.empty()));
    CHECK(accept->file == std::string(vendor) + ".toml");
    CHECK(accept->line > 0);
    CHECK(check_consent_accept(*accept).empty());
  }
  const ConsentAccept* onetrust = accept_of(set, "onetrust");
  CHECK(onetrust->selectors.front() == "#onetrust-accept-btn-handler");
  CHECK(onetrust->script == "OneTrust.AllowAll()");
  CHECK(accept_of(set, "cookiebot")->script == "Cookiebot.submitCustomConsent(true, true, true)");
  CHECK(accept_of(set, "usercentrics")->shadow_host == "#usercentrics-root");
}

TEST_CASE("consent accept: selectors that cannot work are named with what is wrong") {
  CHECK(selector_problem("#onetrust-accept-btn-handler").empty());
  CHECK(selector_problem(R"(button[data-testid="uc-accept-all-button"])").empty());
  CHECK(selector_problem(R"([data-x="a]b"])").empty());  // a bracket inside quotes is text
  CHECK(selector_problem("") == "empty selector");
  CHECK(selector_problem("button[data-x") == "unclosed '['");
  CHECK(selector_problem("button]") == "unexpected ']'");
  CHECK(selector_problem(R"([data-x="a])") == "unclosed \"");
  CHECK(selector_problem("#a { color: red }") == "a selector, not a rule: no '{', '}' or ';'");
  CHECK(selector_problem("#a\n#b") == "control character in selector");
  CHECK(selector_problem(std::string(600, 'a')) == "selector longer than 512 bytes");
}

TEST_CASE("consent accept: a script is one call") {
  CHECK(script_problem("OneTrust.AllowAll()").empty());
  CHECK(script_problem("Cookiebot.submitCustomConsent(true, true, true)").empty());
  CHECK(script_problem("OneTrust.AllowAll(") == "unclosed '('");
  CHECK(script_problem("OneTrust.AllowAll(); alert(1)") == "one call, no ';' or '</'");
  CHECK(script_problem("OneTrust.AllowAll") == "a call: name(arguments)");
  CHECK(script_problem(" ") == "empty script");
}

TEST_CASE("consent accept: signatures check reports a bad [[accept]] with file and line") {
  testing::TempDir dir;
  dir.write("acme-cmp.toml", R"toml(vendor = "acme-cmp"
category = "consent"
[[signature]]
id = "acme-cmp"
product = "Acme CMP"
  [[signature.pattern]]
  places = ["script-src"]
  regex = 'cmp\.acme\.test/cmp\.js'

[[accept]]
selectors = ["#acme-accept", "button[data-acme"]
script = "AcmeCmp.acceptAll("
)toml");
  std::vector<std::string> failures = check_signatures(dir.path().string());
  std::vector<std::string> ours;
  std::copy_if(failures.begin(), failures.end(), std::back_inserter(ours),
               [](const std::string& f) { return f.find("acme-cmp") != std::string::npos; });
  REQUIRE(ours.size() == 2);
  CHECK(ours[0].ends_with(
      "acme-cmp.toml:10: accept 'acme-cmp': selector 'button[data-acme': unclosed '['"));
  CHECK(ours[1].ends_with(
      "acme-cmp.toml:10: accept 'acme-cmp': script 'AcmeCmp.acceptAll(': unclosed '('"));
  CHECK_THROWS_WITH(SignatureSet(dir.path().string()), Catch::Contains("acme-cmp.toml:10:"));
}

TEST_CASE("consent accept: [[accept]] only in a consent manager's file, with something to do") {
  testing::TempDir dir;
  dir.write("acme-ads.toml", R"toml(vendor = "acme-ads"
category = "advertising"
[[signature]]
id = "acme-ads"
product = "Acme Ads"
  [[signature.pattern]]
  places = ["script-src"]
  regex = 'ads\.acme\.test/a\.js'

[[accept]]
selectors = ["#accept"]
)toml");
  dir.write("acme-cmp.toml", R"toml(vendor = "acme-cmp"
category = "consent"

[[accept]]
shadow_host = "#root"
colour = "red"

[[accept]]
shadow_host = "#root"
)toml");
  std::vector<std::string> failures = check_signatures(dir.path().string());
  auto has = [&](const std::string& text) {
    return std::any_of(failures.begin(), failures.end(),
                       [&](const std::string& f) { return f.find(text) != std::string::npos; });
  };
  CHECK(has("acme-ads.toml:10: [[accept]] needs the file's 'vendor' and category = \"consent\""));
  CHECK(has("acme-cmp.toml:6: unknown key 'colour'"));
  CHECK(has("acme-cmp.toml:8: [[accept]] needs 'selectors' or a 'script'"));
}

}  // namespace
}  // namespace tagdrift::detectors
