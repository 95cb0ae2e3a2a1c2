// The compiled form of a list of signatures: one RE2::Set per place kind, built once, so the cost
// of a page barely grows with the number of signatures; the full RE2 (with captures) runs only for
// the patterns the set hit. Const and thread-safe after construction.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "detectors/canonical_id.h"
#include "detectors/signature.h"

namespace re2 {
class RE2;
}

namespace tagdrift::detectors {

inline constexpr std::size_t kDefaultRegexMemory = 64 << 20;  // per place kind's RE2::Set

// One match of one pattern in one text.
struct MatchHit {
  std::size_t signature = 0;  // index into the signature list the MatchSet was built from
  std::size_t pattern = 0;    // index into that signature's patterns
  std::size_t begin = 0;      // byte range of the match in the text
  std::size_t end = 0;
  bool has_id = false;      // the pattern has an `id` group and it took part in the match
  std::string captured_id;  // the `id` group as written
  // The pattern has a `name` group: the ID is held by this JavaScript name (an identifier or a
  // dotted path, "settings.ads.tiktok"); detectors/script_names.h finds its literal, if any.
  bool has_name = false;
  std::string captured_name;
};

// Counters a test can read to see that the set, not every pattern, did the work.
struct MatchStats {
  std::size_t full_regex_runs = 0;  // full RE2 searches run after the set
  bool set_fallback = false;        // the set ran out of memory and each pattern ran alone
};

class MatchSet {
 public:
  // Compiles every pattern; each pattern, format or event regex that does not compile adds one
  // "<file>:<line>: signature '<id>': pattern '<p>': <error>" line to `errors`.
  MatchSet(const std::vector<Signature>& signatures, std::size_t max_mem,
           std::vector<std::string>& errors);
  ~MatchSet();
  MatchSet(const MatchSet&) = delete;
  MatchSet& operator=(const MatchSet&) = delete;

  // Every match of every pattern for `kind` in `text`, in signature and text order.
  std::vector<MatchHit> match(PlaceKind kind, std::string_view text,
                              MatchStats* stats = nullptr) const;

  // Event names and enhanced-match field names signature `signature` declares in `text`.
  std::vector<std::string> events(std::size_t signature, std::string_view text) const;
  std::vector<std::string> enhanced_match(std::size_t signature, std::string_view text) const;

  // The ID rules of a signature (format regex compiled here).
  IdRules id_rules(std::size_t signature) const;

  // True when the pattern declares a `loader` and it matches somewhere in `text`: the script
  // loads the vendor's code, so a call whose ID is held by a name is a tag even without its ID.
  bool loader_in(std::size_t signature, std::size_t pattern, std::string_view text) const;

 private:
  struct Compiled;
  struct KindSet;
  void compile_signature(const Signature& signature, std::size_t index,
                         std::vector<std::string>& errors);
  void search_pattern(std::size_t sig, std::size_t pattern, std::string_view text,
                      std::vector<MatchHit>& hits) const;

  std::size_t max_mem_;
  std::vector<Compiled> compiled_;
  std::vector<KindSet> kinds_;
};

}  // namespace tagdrift::detectors
