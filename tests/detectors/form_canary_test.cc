// Canary values: unique per visit, shaped like what a form accepts, and spelled the ways trackers
// normalise them.
#include "detectors/form_canary.h"

#include <re2/re2.h>

#include <catch2/catch.hpp>
#include <set>

namespace tagdrift::detectors {
namespace {

std::vector<std::string> texts(const std::vector<CanarySpelling>& spellings) {
  std::vector<std::string> out;
  for (const CanarySpelling& spelling : spellings) out.push_back(spelling.text);
  return out;
}

TEST_CASE("form canary: values look like what each field expects") {
  FormCanaries canaries = make_form_canaries(42);
  CHECK(RE2::FullMatch(canaries.of(FieldKind::kEmail), R"(Td[A-Za-z0-9]{12}@example\.com)"));
  CHECK(RE2::FullMatch(canaries.of(FieldKind::kPhone), R"(\+1 555 \d{3} \d{4})"));
  CHECK(RE2::FullMatch(canaries.of(FieldKind::kName), R"([A-Z][a-z]{7} [A-Z][a-z]{7})"));
  CHECK(
      RE2::FullMatch(canaries.of(FieldKind::kDateOfBirth), R"(19[4-9]\d-(0[1-9]|1[0-2])-[0-2]\d)"));
  CHECK(RE2::FullMatch(canaries.of(FieldKind::kFreeText), R"(Canary note \w{14} for the clinic)"));
}

TEST_CASE("form canary: the same seed gives the same values, another seed others") {
  CHECK(make_form_canaries(7).values == make_form_canaries(7).values);
  FormCanaries a = make_form_canaries(7), b = make_form_canaries(8);
  for (std::size_t k = 0; k < kFieldKindCount; ++k) {
    if (k == static_cast<std::size_t>(FieldKind::kDateOfBirth)) continue;  // few dates exist
    CHECK(a.values[k] != b.values[k]);
  }
  std::set<std::string> emails;
  for (int visit = 0; visit < 50; ++visit) {
    emails.insert(random_form_canaries().of(FieldKind::kEmail));
  }
  CHECK(emails.size() == 50);
}

TEST_CASE("form canary: spellings are the typed value then the normalised ones") {
  FormCanaries canaries;
  canaries.values = {"TdAbC@example.com", "+1 555 123 4567", "Zqovtrex Kamplixo", "1987-03-14",
                     "Canary Note"};
  CHECK(texts(canary_spellings(canaries, FieldKind::kEmail)) ==
        std::vector<std::string>{"TdAbC@example.com", "tdabc@example.com"});
  CHECK(texts(canary_spellings(canaries, FieldKind::kPhone)) ==
        std::vector<std::string>{"+1 555 123 4567", "15551234567", "5551234567"});
  CHECK(texts(canary_spellings(canaries, FieldKind::kName)) ==
        std::vector<std::string>{"Zqovtrex Kamplixo", "zqovtrex kamplixo", "Zqovtrex", "zqovtrex",
                                 "Kamplixo", "kamplixo"});
  CHECK(texts(canary_spellings(canaries, FieldKind::kDateOfBirth)) ==
        std::vector<std::string>{"1987-03-14", "19870314"});
  CHECK(canary_spellings(canaries, FieldKind::kFreeText).at(1).label == "lower-case");
  CHECK(std::string(field_kind_name(FieldKind::kDateOfBirth)) == "date-of-birth");
}

}  // namespace
}  // namespace tagdrift::detectors
