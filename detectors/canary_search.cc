#include "detectors/canary_search.h"

#include <curl/curl.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>

#include "util/base64.h"
#include "util/curl_url.h"
#include "util/hex_digest.h"

namespace tagdrift::detectors {
namespace {

constexpr std::size_t kSetMemory = 16 << 20;

// The base64 of `value` wherever it sits in a longer base64 text: its encoding at each of the three
// byte offsets, without the characters its neighbours also decide.
std::vector<std::string> base64_fragments(std::string_view value) {
  std::vector<std::string> out;
  for (std::size_t shift = 0; shift < 3; ++shift) {
    std::string padded(shift, '\0');
    padded += value;
    std::string encoded = base64_encode(padded);
    encoded.erase(encoded.find_last_not_of('=') + 1);
    if (padded.size() % 3 != 0) encoded.pop_back();
    encoded.erase(0, shift == 0 ? 0 : shift + 1);
    out.push_back(encoded);
    std::string url_safe = encoded;
    std::replace(url_safe.begin(), url_safe.end(), '+', '-');
    std::replace(url_safe.begin(), url_safe.end(), '/', '_');
    if (url_safe != encoded) out.push_back(url_safe);
  }
  return out;
}

std::string url_encoded(std::string_view value) {
  CurlText escaped(curl_easy_escape(nullptr, value.data(), static_cast<int>(value.size())));
  return escaped ? std::string(escaped.get()) : std::string(value);
}

std::string form_encoded(std::string url) {
  for (std::size_t at = url.find("%20"); at != std::string::npos; at = url.find("%20", at + 1)) {
    url.replace(at, 3, "+");
  }
  return url;
}

}  // namespace

struct CanarySearch::Form {
  FieldKind kind;
  std::string spelling;
  std::string encoding;
  std::string needle;
  bool any_case = false;  // hex digests and percent escapes: upper or lower case
};

struct CanarySearch::Matcher {
  std::unique_ptr<RE2::Set> set;
  bool compiled = false;
  std::vector<std::unique_ptr<RE2>> each;  // the same forms one by one, if the set fails
};

CanarySearch::CanarySearch(const FormCanaries& canaries, std::size_t max_bytes)
    : max_bytes_(max_bytes), matcher_(std::make_unique<Matcher>()) {
  auto add = [&](FieldKind kind, const CanarySpelling& spelling, std::string encoding,
                 std::string needle, bool any_case) {
    bool known = std::any_of(forms_.begin(), forms_.end(),
                             [&](const Form& form) { return form.needle == needle; });
    if (!known && needle.size() >= 6) {
      forms_.push_back({kind, spelling.label, std::move(encoding), std::move(needle), any_case});
    }
  };
  for (std::size_t k = 0; k < kFieldKindCount; ++k) {
    auto kind = static_cast<FieldKind>(k);
    for (const CanarySpelling& spelling : canary_spellings(canaries, kind)) {
      add(kind, spelling, "plain", spelling.text, false);
      add(kind, spelling, "url", url_encoded(spelling.text), true);
      add(kind, spelling, "form", form_encoded(url_encoded(spelling.text)), true);
      for (std::string& fragment : base64_fragments(spelling.text)) {
        add(kind, spelling, "base64", std::move(fragment), false);
      }
      add(kind, spelling, "sha256", hex_digest(DigestKind::kSha256, spelling.text), true);
      add(kind, spelling, "sha1", hex_digest(DigestKind::kSha1, spelling.text), true);
      add(kind, spelling, "md5", hex_digest(DigestKind::kMd5, spelling.text), true);
    }
  }
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(static_cast<int64_t>(kSetMemory));
  matcher_->set = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  for (const Form& form : forms_) {
    std::string regex = (form.any_case ? "(?i)" : "") + RE2::QuoteMeta(form.needle);
    matcher_->set->Add(regex, nullptr);
    matcher_->each.push_back(std::make_unique<RE2>(regex, options));
  }
  matcher_->compiled = matcher_->set->Compile();
}

CanarySearch::~CanarySearch() = default;

std::size_t CanarySearch::form_count() const { return forms_.size(); }

std::vector<int> CanarySearch::matching(std::string_view text) const {
  text = text.substr(0, std::min(text.size(), max_bytes_));
  std::vector<int> found;
  RE2::Set::ErrorInfo info{};
  if (matcher_->compiled &&
      (matcher_->set->Match(text, &found, &info) || info.kind == RE2::Set::kNoError)) {
    return found;
  }
  found.clear();  // out of DFA memory: each form on its own, still one linear pass each
  for (std::size_t i = 0; i < matcher_->each.size(); ++i) {
    if (RE2::PartialMatch(text, *matcher_->each[i])) found.push_back(static_cast<int>(i));
  }
  return found;
}

std::vector<CanaryHit> CanarySearch::search(std::string_view url, std::string_view body) const {
  std::vector<int> found = matching(url);
  std::vector<int> in_body = matching(body);
  found.insert(found.end(), in_body.begin(), in_body.end());
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  std::vector<CanaryHit> hits;
  for (int index : found) {
    const Form& form = forms_[static_cast<std::size_t>(index)];
    hits.push_back({form.kind, form.spelling, form.encoding});
  }
  return hits;
}

std::vector<FieldKind> carried_kinds(const std::vector<CanaryHit>& hits) {
  std::vector<FieldKind> kinds;
  for (const CanaryHit& hit : hits) kinds.push_back(hit.kind);
  std::sort(kinds.begin(), kinds.end());
  kinds.erase(std::unique(kinds.begin(), kinds.end()), kinds.end());
  return kinds;
}

}  // namespace tagdrift::detectors
