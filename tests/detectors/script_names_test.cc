// IDs passed through names in one script (detectors/script_names.cc): the literal a script
// assigns to the name a vendor call was given, found by name lookup, never by evaluation.
#include "detectors/script_names.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace tagdrift::detectors {
namespace {

using Values = std::vector<std::string>;

Values literals_of(const std::string& script, const std::string& name) {
  auto found = assigned_literals(script, {name});
  auto at = found.find(name);
  return at == found.end() ? Values{} : at->second;
}

TEST_CASE("script names: the literal assigned to a property's last name is found") {
  const std::string script =
      "var settings = {ads: {tiktok: \"C4ABCDEFGHIJ1234567K\", meta: '1'}};\n"
      "ttq.load(settings.ads.tiktok);";
  CHECK(literals_of(script, "settings.ads.tiktok") == Values{"C4ABCDEFGHIJ1234567K"});
}

TEST_CASE("script names: an assignment to the full dotted path wins over the last name alone") {
  const std::string script =
      "var social = {metaPixel: 'https://facebook.com/clinic'};\n"
      "window.siteConfig.metaPixel = \"621234567890123\";\n"
      "fbq(\"init\", window.siteConfig.metaPixel);";
  CHECK(literals_of(script, "window.siteConfig.metaPixel") == Values{"621234567890123"});
  // Only the last name matches here: every assignment to it counts.
  CHECK(literals_of(script, "cfg.metaPixel") ==
        Values{"https://facebook.com/clinic", "621234567890123"});
}

TEST_CASE("script names: a name no literal is assigned to has no value") {
  const std::string script =
      "var settings = window.__SETTINGS__; ttq.load(settings.ads.tiktok);\n"
      "if (settings.ads.tiktok == \"C4ABCDEFGHIJ1234567K\") {}\n"
      "var mytiktok = \"C4ABCDEFGHIJ7654321K\"; var t = settings.ads.tiktok || fallback;";
  CHECK(literals_of(script, "settings.ads.tiktok").empty());
}

TEST_CASE("script names: a name assigned twice gives both literals, each once, in order") {
  const std::string script =
      "var pixels = {dev: {metaPixel: \"111111111111111\"}, live: {metaPixel: "
      "\"222222222222222\"}};\nsettings.metaPixel = `111111111111111`;\n"
      "fbq('init', config.metaPixel);";
  CHECK(literals_of(script, "config.metaPixel") == Values{"111111111111111", "222222222222222"});
}

TEST_CASE("script names: minified code and JSON keys are read; minified locals are not") {
  const std::string script =
      "!function(){var n={\"tiktok\":\"C4ABCDEFGHIJ1234567K\"},e=\"621234567890123\";"
      "ttq.load(n.tiktok),fbq(\"init\",e)}();";
  CHECK(literals_of(script, "n.tiktok") == Values{"C4ABCDEFGHIJ1234567K"});
  // A one- or two-letter name is a minified local: which `e` a call sees depends on scopes this
  // lookup does not follow, so it is never guessed.
  CHECK(literals_of(script, "e").empty());
}

TEST_CASE("script names: a hit that names a literal becomes one hit per literal") {
  MatchHit named;
  named.signature = 3;
  named.has_name = true;
  named.captured_name = "cfg.pinterest";
  MatchHit unnamed;
  unnamed.signature = 4;
  unnamed.has_name = true;
  unnamed.captured_name = "cfg.unknownName";
  MatchHit literal;
  literal.has_id = true;
  literal.captured_id = "2612345678901";
  const std::string script =
      "const cfg = {pinterest: \"2612345678901\"}; other.pinterest = '2612345678902';";
  std::vector<MatchHit> hits = with_assigned_literals({named, unnamed, literal}, script);
  REQUIRE(hits.size() == 4);
  CHECK(hits[0].has_id);
  CHECK(hits[0].captured_id == "2612345678901");
  CHECK(hits[0].signature == 3);
  CHECK(hits[1].captured_id == "2612345678902");
  CHECK_FALSE(hits[2].has_id);
  CHECK(hits[2].signature == 4);
  CHECK(hits[3].captured_id == "2612345678901");
}

TEST_CASE("script names: a 4 MB bundle with many assignments is read to its end") {
  std::string script = "var cfg = {tiktok: \"C4ABCDEFGHIJ1234567K\"};\n";
  const std::string filler =
      "function f(a,b){var tiktok_x=\"no\";a.name=\"tiktok\";b.tik=\"tok\";return a+b}\n";
  while (script.size() < (4u << 20)) script += filler;
  script += "other.tiktok = 'C4ABCDEFGHIJ7654321K'; ttq.load(cfg.tiktok);";
  CHECK(literals_of(script, "cfg.tiktok") ==
        Values{"C4ABCDEFGHIJ1234567K", "C4ABCDEFGHIJ7654321K"});
}

TEST_CASE("script names: the values kept per name and the names looked up are bounded") {
  std::string script;
  for (int i = 0; i < 50; ++i) script += "metaPixel = \"10000000000" + std::to_string(i) + "\";";
  ScriptNameLimits limits;
  limits.max_values = 8;
  CHECK(assigned_literals(script, {"metaPixel"}, limits).at("metaPixel").size() == 8);
  limits.max_names = 1;
  auto found = assigned_literals("first = \"aaa\"; second = \"bbb\";", {"first", "second"}, limits);
  CHECK(found.count("first") == 1);
  CHECK(found.count("second") == 0);
}

}  // namespace
}  // namespace tagdrift::detectors
