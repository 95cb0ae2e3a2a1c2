// The health lexicon: words and phrases, in categories of a kind, that tell whether a page is
// about someone's health. Shipped as data (signatures/lexicon/health-terms.toml); users add more.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace tagdrift::detectors {

enum class TermKind {
  kStrong,      // a condition, procedure, medication, specialty: alone enough where it counts
  kWeak,        // "health", "clinic", "doctor": marks a clinical site, never enough alone
  kCareIntent,  // "appointment", "patient portal": health context on a clinical site
  kOffTopic,    // "careers", "privacy policy": a page about the organisation, not about care
};

struct HealthTerm {
  std::string text;      // as normalize_words() reads it: "crohns disease"
  std::string category;  // "conditions"
  TermKind kind = TermKind::kStrong;
};

class HealthLexicon {
 public:
  // The lexicon built into the binary, compiled once.
  static const HealthLexicon& builtin();

  // Reads a lexicon file's text; `name` is the file named in messages. Throws tagdrift::Error
  // (usage) with "name:line: what" on the first fault.
  HealthLexicon(std::string toml_text, std::string name);

  // Adds the terms of the lexicon file at `path` (same format). A term the lexicon already has
  // takes the file's category and kind; kind "ignore" drops it. Throws like the constructor,
  // and when the file cannot be read.
  void load_extra(const std::string& path);
  void add(std::string_view toml_text, std::string_view name);

  // Indices into terms(), ascending, of the terms found in `words` (normalize_words() output):
  // at each word start the longest term there, with an optional plural "s" or "es", ending at a
  // word boundary. Thread-safe.
  std::vector<std::size_t> find(std::string_view words) const;

  const std::vector<HealthTerm>& terms() const { return terms_; }

 private:
  struct Matcher;
  static constexpr std::size_t kNoTerm = static_cast<std::size_t>(-1);
  void compile();
  bool starts_a_term(std::string_view words) const;
  std::size_t term_index(std::string_view match) const;

  std::vector<HealthTerm> terms_;
  std::shared_ptr<const Matcher> matcher_;  // compiled over terms_; copies share it
};

}  // namespace tagdrift::detectors
