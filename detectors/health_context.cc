#include "detectors/health_context.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <set>

#include "detectors/health_text.h"

namespace tagdrift::detectors {
namespace {

// A place naming this many categories of strong terms is an overview (a clinic's home page
// listing its departments), not a page about one of them.
constexpr std::size_t kOverviewCategories = 3;

enum Place { kPath, kTitle, kH1, kMeta, kForm, kSubheadings, kPlaceCount };

using Terms = std::vector<std::size_t>;

// True when `part` is `whole` or some of its words ("health" in "mental health").
bool words_within(std::string_view part, std::string_view whole) {
  for (std::size_t at = whole.find(part); at != std::string_view::npos;
       at = whole.find(part, at + 1)) {
    std::size_t end = at + part.size();
    if ((at == 0 || whole[at - 1] == ' ') && (end == whole.size() || whole[end] == ' ')) {
      return true;
    }
  }
  return false;
}

// Drops terms that are part of a longer term found in the same place, so one phrase counts once.
Terms without_parts(const Terms& found, const HealthLexicon& lexicon) {
  Terms kept;
  for (std::size_t part : found) {
    bool inside = std::any_of(found.begin(), found.end(), [&](std::size_t whole) {
      return whole != part && words_within(lexicon.terms()[part].text, lexicon.terms()[whole].text);
    });
    if (!inside) kept.push_back(part);
  }
  return kept;
}

Terms of_kind(const Terms& found, const HealthLexicon& lexicon, TermKind kind) {
  Terms out;
  std::copy_if(found.begin(), found.end(), std::back_inserter(out),
               [&](std::size_t i) { return lexicon.terms()[i].kind == kind; });
  return out;
}

bool is_overview(const Terms& strong, const HealthLexicon& lexicon) {
  std::set<std::string_view> categories;
  for (std::size_t i : strong) categories.insert(lexicon.terms()[i].category);
  return categories.size() >= kOverviewCategories;
}

void add_terms(HealthVerdict& verdict, const Terms& found, const HealthLexicon& lexicon) {
  for (std::size_t i : found) {
    const std::string& text = lexicon.terms()[i].text;
    if (verdict.terms.size() >= kMaxHealthTerms) return;
    if (std::find(verdict.terms.begin(), verdict.terms.end(), text) == verdict.terms.end()) {
      verdict.terms.push_back(text);
    }
  }
}

struct Found {
  std::array<Terms, kPlaceCount> all;    // every term found, parts of longer terms included
  std::array<Terms, kPlaceCount> whole;  // without parts of longer terms

  Found(const PageTexts& texts, const HealthLexicon& lexicon) {
    const std::array<const std::string*, kPlaceCount> text = {
        &texts.path, &texts.title, &texts.h1, &texts.meta, &texts.form, &texts.subheadings};
    for (int place = 0; place < kPlaceCount; ++place) {
      all[place] = lexicon.find(normalize_words(*text[place]));
      whole[place] = without_parts(all[place], lexicon);
    }
  }
};

bool clinical(const Found& found, const HealthLexicon& lexicon) {
  for (const Terms& terms : found.all) {
    for (std::size_t i : terms) {
      TermKind kind = lexicon.terms()[i].kind;
      if (kind == TermKind::kStrong || kind == TermKind::kWeak) return true;
    }
  }
  return false;
}

}  // namespace

HealthVerdict judge_health_context(const PageTexts& texts, const HealthLexicon& lexicon) {
  Found found(texts, lexicon);
  HealthVerdict verdict;
  Terms decisive = of_kind(found.whole[kPath], lexicon, TermKind::kStrong);
  bool off_topic = !of_kind(found.whole[kPath], lexicon, TermKind::kOffTopic).empty() ||
                   !of_kind(found.whole[kTitle], lexicon, TermKind::kOffTopic).empty();
  if (off_topic) {
    verdict.health_context = !decisive.empty();
    add_terms(verdict, decisive, lexicon);
    return verdict;
  }
  Terms intent = of_kind(found.whole[kPath], lexicon, TermKind::kCareIntent);
  for (Place place : {kTitle, kH1, kMeta, kForm}) {
    Terms strong = of_kind(found.whole[place], lexicon, TermKind::kStrong);
    if (!is_overview(strong, lexicon))
      decisive.insert(decisive.end(), strong.begin(), strong.end());
    Terms care = of_kind(found.whole[place], lexicon, TermKind::kCareIntent);
    intent.insert(intent.end(), care.begin(), care.end());
  }
  bool care_on_clinical_site =
      !intent.empty() && (texts.form_asks_about_health || clinical(found, lexicon));
  verdict.health_context = !decisive.empty() || care_on_clinical_site;
  if (!verdict.health_context) return verdict;
  add_terms(verdict, decisive, lexicon);
  if (!care_on_clinical_site) return verdict;
  add_terms(verdict, intent, lexicon);
  for (const Terms& terms : found.whole) {
    add_terms(verdict, of_kind(terms, lexicon, TermKind::kStrong), lexicon);
    add_terms(verdict, of_kind(terms, lexicon, TermKind::kWeak), lexicon);
  }
  return verdict;
}

}  // namespace tagdrift::detectors
