// The compiled matcher: one RE2::Set per place kind, full regexes only for the patterns the set
// hit (detectors/match_set.cc).
#include "detectors/match_set.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace tagdrift::detectors {
namespace {

Signature signature(const std::string& id, const std::string& regex,
                    std::vector<PlaceKind> places = {PlaceKind::kScriptInline}) {
  Signature sig;
  sig.id = id;
  sig.vendor = id;
  sig.product = id;
  sig.file = id + ".toml";
  Pattern pattern;
  pattern.places = std::move(places);
  pattern.regex = regex;
  sig.patterns.push_back(pattern);
  return sig;
}

TEST_CASE("match set: only the patterns the set hit run as full regexes") {
  std::vector<Signature> sigs;
  for (int i = 0; i < 200; ++i) {
    sigs.push_back(signature("vendor" + std::to_string(i),
                             "vendor" + std::to_string(i) + R"(\.init\('(?P<id>\d+)'\))"));
  }
  std::vector<std::string> errors;
  MatchSet set(sigs, kDefaultRegexMemory, errors);
  REQUIRE(errors.empty());
  MatchStats stats;
  std::vector<MatchHit> hits =
      set.match(PlaceKind::kScriptInline, "vendor7.init('42'); vendor150.init('43');", &stats);
  CHECK(stats.full_regex_runs == 2);
  CHECK_FALSE(stats.set_fallback);
  REQUIRE(hits.size() == 2);
  CHECK(hits[0].signature == 7);
  CHECK(hits[0].captured_id == "42");
  CHECK(hits[1].signature == 150);
  CHECK(hits[1].captured_id == "43");

  MatchStats none;
  CHECK(set.match(PlaceKind::kScriptInline, "nothing here", &none).empty());
  CHECK(none.full_regex_runs == 0);
}

TEST_CASE("match set: patterns apply only to their place kinds") {
  std::vector<Signature> sigs = {
      signature("pixel", R"(px\.example\.test/p\?id=(?P<id>\d+))", {PlaceKind::kNoscriptImg})};
  std::vector<std::string> errors;
  MatchSet set(sigs, kDefaultRegexMemory, errors);
  CHECK(set.match(PlaceKind::kNoscriptImg, "https://px.example.test/p?id=7").size() == 1);
  CHECK(set.match(PlaceKind::kScriptInline, "https://px.example.test/p?id=7").empty());
}

TEST_CASE("match set: every match of a pattern in one text is returned with its offsets") {
  std::vector<Signature> sigs = {signature("gtm", R"(GTM-(?P<id>[A-Z0-9]+))")};
  std::vector<std::string> errors;
  MatchSet set(sigs, kDefaultRegexMemory, errors);
  std::string text = "a GTM-AAA b GTM-BBB";
  std::vector<MatchHit> hits = set.match(PlaceKind::kScriptInline, text);
  REQUIRE(hits.size() == 2);
  CHECK(hits[0].begin == 2);
  CHECK(text.substr(hits[1].begin, hits[1].end - hits[1].begin) == "GTM-BBB");
}

TEST_CASE("match set: event and enhanced-match names are captured, never values") {
  Signature sig = signature("acme", R"(acme\('init')");
  sig.events = {R"(acme\('track',\s*'(\w+)')"};
  sig.enhanced_match = {R"([?&]ud\[(\w+)\]=)"};
  sig.enhanced_match_objects = {R"(acme\('init',\s*\{([^}]*)\})"};
  std::vector<std::string> errors;
  MatchSet set({sig}, kDefaultRegexMemory, errors);
  REQUIRE(errors.empty());
  std::string text =
      "acme('init', {em: 'f1e2d3c4b5a69788f1e2d3c4b5a69788', 'ph': \"555\"}); "
      "acme('track', 'Lead'); acme('track', 'Lead'); acme('track', 'Purchase'); x?ud[fn]=bob";
  CHECK(set.events(0, text) == std::vector<std::string>{"Lead", "Purchase"});
  CHECK(set.enhanced_match(0, text) == std::vector<std::string>{"fn", "em", "ph"});
}

TEST_CASE("match set: a regex that does not compile is reported with its file and line") {
  Signature sig = signature("bad", "(unclosed");
  sig.patterns[0].line = 12;
  std::vector<std::string> errors;
  MatchSet set({sig}, kDefaultRegexMemory, errors);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].rfind("bad.toml:12: signature 'bad': pattern '(unclosed': ", 0) == 0);
}

TEST_CASE("match set: a pattern that matches empty text is refused") {
  std::vector<std::string> errors;
  MatchSet set({signature("loose", "(?:acme)?")}, kDefaultRegexMemory, errors);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].find("pattern '(?:acme)?': matches empty text") != std::string::npos);
}

TEST_CASE("match set: a set past its memory budget still finds every match") {
  std::vector<Signature> sigs;
  for (int i = 0; i < 40; ++i) {
    sigs.push_back(signature("v" + std::to_string(i),
                             "v" + std::to_string(i) + R"(x[a-z]{0,40}y[0-9]{0,30}z)"));
  }
  std::vector<std::string> errors;
  MatchSet set(sigs, 1 << 10, errors);  // far too small for the set: it cannot be used
  std::string text(20000, 'q');
  text += "v3xabcy12z";
  MatchStats stats;
  std::vector<MatchHit> hits = set.match(PlaceKind::kScriptInline, text, &stats);
  CHECK(stats.set_fallback);
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].signature == 3);
}

}  // namespace
}  // namespace tagdrift::detectors
