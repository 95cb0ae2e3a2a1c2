#include "drift/health_words.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "util/ascii.h"

namespace tagdrift::drift {
namespace {

// Whole words that name a condition, treatment or specialty. Kept short and exact: a short
// word taken as a prefix would flag "stdout" for "std"; whole words stop that.
constexpr std::array<std::string_view, 20> kHealthWords = {
    "ivf",    "iui",     "hiv",    "std",         "sti",         "ptsd",       "adhd",
    "rehab",  "detox",   "dental", "mental",      "covid",       "hrt",        "sperm",
    "biopsy", "ozempic", "wegovy", "semaglutide", "tirzepatide", "transgender"};

// Stems long enough to be taken as prefixes ("fertil" covers fertility, infertile needs its own).
constexpr std::array<std::string_view, 40> kHealthStems = {
    "fertil",    "infertil", "pregnan",  "prenatal",   "postpartum", "abortion", "miscarri",
    "embryo",    "ovulat",   "menstru",  "contracept", "menopaus",   "oncolog",  "cancer",
    "chemo",     "tumor",    "diabet",   "insulin",    "cardiolog",  "psychiat", "psycholog",
    "therap",    "depress",  "anxiety",  "addict",     "opioid",     "suboxone", "methadone",
    "hepatitis", "herpes",   "syphilis", "chlamydia",  "vasectom",   "erectile", "dialysis",
    "diagnos",   "prescri",  "surger",   "gynec",      "obstetric"};

// Page terms that say "this is a healthcare site" but disclose no condition by themselves.
constexpr std::array<std::string_view, 16> kGenericTerms = {
    "appointment", "appointments", "patient",  "patients",   "doctor", "doctors",
    "physician",   "clinic",       "health",   "healthcare", "care",   "medical",
    "visit",       "consultation", "provider", "hospital"};

bool is_health_word(const std::string& word) {
  if (std::find(kHealthWords.begin(), kHealthWords.end(), word) != kHealthWords.end()) {
    return true;
  }
  return std::any_of(kHealthStems.begin(), kHealthStems.end(),
                     [&](std::string_view stem) { return word.starts_with(stem); });
}

bool has_run(const std::vector<std::string>& words, const std::vector<std::string>& run) {
  if (run.empty() || run.size() > words.size()) return false;
  return std::search(words.begin(), words.end(), run.begin(), run.end()) != words.end();
}

bool is_generic(const std::vector<std::string>& term_words) {
  return term_words.size() == 1 && std::find(kGenericTerms.begin(), kGenericTerms.end(),
                                             term_words[0]) != kGenericTerms.end();
}

}  // namespace

std::vector<std::string> name_words(std::string_view name) {
  std::vector<std::string> words;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) words.push_back(std::move(word));
    word.clear();
  };
  for (std::size_t i = 0; i < name.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(name[i]);
    if (!std::isalnum(c)) {
      flush();
      continue;
    }
    bool hump = std::isupper(c) && i > 0 && std::islower(static_cast<unsigned char>(name[i - 1]));
    if (hump) flush();
    word += ascii_lower(static_cast<char>(c));
  }
  flush();
  return words;
}

std::string health_term_in(std::string_view event, const std::vector<std::string>& page_terms) {
  const std::vector<std::string> words = name_words(event);
  for (const std::string& term : page_terms) {
    std::vector<std::string> term_words = name_words(term);
    if (!is_generic(term_words) && has_run(words, term_words)) return term;
  }
  for (const std::string& word : words) {
    if (is_health_word(word)) return word;
  }
  return "";
}

}  // namespace tagdrift::drift
