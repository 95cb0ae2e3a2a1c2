// Searches a request's URL and body for a visit's form canaries (detectors/form_canary.h) in the
// forms trackers send them: as typed or normalised, URL-encoded, base64, or as SHA-256, SHA-1 or
// MD5 hex. One RE2::Set over every form, so a request costs one linear pass however many forms
// there are; bounded by the bytes searched. Const and thread-safe after construction.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "detectors/form_canary.h"

namespace re2 {
class RE2;
}

namespace tagdrift::detectors {

// One canary found: whose it is, which spelling and how it was encoded.
struct CanaryHit {
  FieldKind kind = FieldKind::kEmail;
  std::string spelling;  // "as typed", "lower-case", "digits", ...
  std::string encoding;  // "plain", "url", "form", "base64", "sha256", "sha1", "md5"
};

inline constexpr std::size_t kMaxCanarySearchBytes = 1 << 20;  // of a URL, and of a body

class CanarySearch {
 public:
  explicit CanarySearch(const FormCanaries& canaries,
                        std::size_t max_bytes = kMaxCanarySearchBytes);
  ~CanarySearch();
  CanarySearch(const CanarySearch&) = delete;
  CanarySearch& operator=(const CanarySearch&) = delete;

  // Every form of every canary in the first max_bytes of `url` and of `body`, each once, in the
  // order the forms were made (by field kind).
  std::vector<CanaryHit> search(std::string_view url, std::string_view body) const;

  // The needles searched for, for tests: one per (kind, spelling, encoding) that differs.
  std::size_t form_count() const;

 private:
  struct Form;
  struct Matcher;
  std::vector<int> matching(std::string_view text) const;

  std::size_t max_bytes_;
  std::vector<Form> forms_;
  std::unique_ptr<Matcher> matcher_;
};

// The field kinds of `hits`, each once, in FieldKind order: what a finding's sends_form_data lists.
std::vector<FieldKind> carried_kinds(const std::vector<CanaryHit>& hits);

}  // namespace tagdrift::detectors
