#include "detectors/match_evidence.h"

#include <re2/re2.h>

#include <algorithm>

namespace tagdrift::detectors {
namespace {

constexpr std::size_t kContextBefore = 40;
constexpr std::size_t kRedactWindow = 400;  // redact this much around the match before cutting

std::string collapse_whitespace(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    bool is_space = c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
    if (is_space) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  if (space && !out.empty()) out += ' ';
  return out;
}

// Drops a trailing partial UTF-8 sequence so the cut never splits a character.
void trim_utf8_tail(std::string& text) {
  std::size_t i = text.size();
  std::size_t continuation = 0;
  while (i > 0 && (static_cast<unsigned char>(text[i - 1]) & 0xC0) == 0x80 && continuation < 3) {
    --i;
    ++continuation;
  }
  if (i == 0) return;
  unsigned char lead = static_cast<unsigned char>(text[i - 1]);
  std::size_t need = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0;
  if (need != continuation) text.resize(need > 0 ? i - 1 : text.size());
}

// Drops a leading partial UTF-8 sequence.
void trim_utf8_head(std::string& text) {
  std::size_t i = 0;
  while (i < text.size() && i < 3 && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
  text.erase(0, i);
}

}  // namespace

std::string redact_values(std::string_view text) {
  static const RE2 hex("[0-9a-fA-F]{32,}");
  static const RE2 email(R"([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)");
  static const RE2 field(
      R"(\b((?:em|ph|fn|ln|ge|db|ct|st|zp|zip|country|external_id|email|phone|sha256_email_address|sha256_phone_number)(?:\s*['"]?\s*:\s*|\]=))(?:'[^']*'|"[^"]*"|[^&,}\s'"]+))");
  std::string out(text);
  RE2::GlobalReplace(&out, field, "\\1[redacted]");
  RE2::GlobalReplace(&out, hex, "[redacted]");
  RE2::GlobalReplace(&out, email, "[redacted]");
  return out;
}

std::string evidence_snippet(std::string_view text, std::size_t begin) {
  begin = std::min(begin, text.size());
  std::size_t wide = begin > kRedactWindow ? begin - kRedactWindow : 0;
  std::string before = collapse_whitespace(redact_values(text.substr(wide, begin - wide)));
  std::string after =
      collapse_whitespace(redact_values(text.substr(begin, kRedactWindow + kMaxEvidenceBytes)));
  if (before.size() > kContextBefore) before.erase(0, before.size() - kContextBefore);
  trim_utf8_head(before);
  std::string out = before + after;
  if (out.size() > kMaxEvidenceBytes) out.resize(kMaxEvidenceBytes);
  trim_utf8_tail(out);
  out.erase(0, out.find_first_not_of(' '));
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace tagdrift::detectors
