// Evidence snippets: short, single-line, values redacted (detectors/match_evidence.cc).
#include "detectors/match_evidence.h"

#include <catch2/catch.hpp>
#include <string>

namespace tagdrift::detectors {
namespace {

TEST_CASE("evidence: one line of at most 160 bytes around the match") {
  std::string text(500, 'a');
  text += "\n\tpintrk('load',\n '2612416394623');\n";
  text += std::string(500, 'b');
  std::string evidence = evidence_snippet(text, 500);
  CHECK(evidence.size() <= kMaxEvidenceBytes);
  CHECK(evidence.find('\n') == std::string::npos);
  CHECK(evidence.find("pintrk('load', '2612416394623');") != std::string::npos);
}

TEST_CASE("evidence: a cut never splits a UTF-8 character") {
  std::string text;
  for (int i = 0; i < 200; ++i) text += "\xC3\xA9";  // é
  std::string evidence = evidence_snippet(text, 0);
  CHECK(evidence.size() <= kMaxEvidenceBytes);
  CHECK(evidence.size() % 2 == 0);
}

TEST_CASE("evidence: hashes, e-mail addresses and enhanced-match values are redacted") {
  std::string hash = "a8f5f167f44f4964e6c998dee827110c3f9e1d1c4ad1b4f5e3d4c8b1f2a3b4c5";
  std::string out = redact_values("fbq('init', '1', {em: '" + hash + "', ph: '15551234567'});");
  CHECK(out.find(hash) == std::string::npos);
  CHECK(out.find("15551234567") == std::string::npos);
  CHECK(out.find("em: [redacted]") != std::string::npos);
  CHECK(redact_values("x=jane.doe@clinic.org").find("jane") == std::string::npos);
  CHECK(redact_values("?tid=26&pd[em]=abc&noscript=1") == "?tid=26&pd[em]=[redacted]&noscript=1");
}

}  // namespace
}  // namespace tagdrift::detectors
