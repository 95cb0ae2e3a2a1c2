#include "detectors/form_canary.h"

#include <algorithm>
#include <random>

#include "util/ascii.h"

namespace tagdrift::detectors {
namespace {

constexpr std::string_view kLower = "abcdefghijklmnopqrstuvwxyz";
constexpr std::string_view kUpper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
constexpr std::string_view kAlnum =
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

std::string draw(std::mt19937_64& random, std::string_view alphabet, std::size_t length) {
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
  std::string out;
  for (std::size_t i = 0; i < length; ++i) out += alphabet[pick(random)];
  return out;
}

std::string digits(std::mt19937_64& random, std::size_t length) {
  return draw(random, "0123456789", length);
}

// "Zqovtrex": a capital then lower-case letters, a word a name field accepts.
std::string word(std::mt19937_64& random) {
  return draw(random, kUpper, 1) + draw(random, kLower, 7);
}

std::string two_digits(int value) { return (value < 10 ? "0" : "") + std::to_string(value); }

std::string only_digits(std::string_view text) {
  std::string out;
  std::copy_if(text.begin(), text.end(), std::back_inserter(out),
               [](char c) { return c >= '0' && c <= '9'; });
  return out;
}

void add_spelling(std::vector<CanarySpelling>& out, std::string label, std::string text) {
  bool known = std::any_of(out.begin(), out.end(),
                           [&](const CanarySpelling& spelling) { return spelling.text == text; });
  if (!known && !text.empty()) out.push_back({std::move(label), std::move(text)});
}

}  // namespace

const char* field_kind_name(FieldKind kind) {
  switch (kind) {
    case FieldKind::kEmail:
      return "email";
    case FieldKind::kPhone:
      return "phone";
    case FieldKind::kName:
      return "name";
    case FieldKind::kDateOfBirth:
      return "date-of-birth";
    case FieldKind::kFreeText:
      return "free-text";
  }
  return "unknown";
}

FormCanaries make_form_canaries(std::uint64_t seed) {
  std::mt19937_64 random(seed);
  FormCanaries canaries;
  auto set = [&](FieldKind kind, std::string value) {
    canaries.values[static_cast<std::size_t>(kind)] = std::move(value);
  };
  set(FieldKind::kEmail, "Td" + draw(random, kAlnum, 12) + "@example.com");
  // 555 numbers are fictional in the North American plan; seven random digits keep it unique.
  set(FieldKind::kPhone, "+1 555 " + digits(random, 3) + " " + digits(random, 4));
  set(FieldKind::kName, word(random) + " " + word(random));
  std::uniform_int_distribution<int> year(1940, 1999), month(1, 12), day(1, 28);
  set(FieldKind::kDateOfBirth, std::to_string(year(random)) + "-" + two_digits(month(random)) +
                                   "-" + two_digits(day(random)));
  set(FieldKind::kFreeText, "Canary note " + draw(random, kAlnum, 14) + " for the clinic");
  return canaries;
}

FormCanaries random_form_canaries() {
  std::random_device device;
  std::uint64_t seed = (static_cast<std::uint64_t>(device()) << 32) ^ device();
  return make_form_canaries(seed);
}

std::vector<CanarySpelling> canary_spellings(const FormCanaries& canaries, FieldKind kind) {
  const std::string& value = canaries.of(kind);
  std::vector<CanarySpelling> out;
  add_spelling(out, "as typed", value);
  switch (kind) {
    case FieldKind::kEmail:
    case FieldKind::kFreeText:
      add_spelling(out, "lower-case", ascii_lowercase(value));
      break;
    case FieldKind::kPhone:
      add_spelling(out, "digits", only_digits(value));
      add_spelling(out, "national digits", only_digits(value).substr(1));
      break;
    case FieldKind::kName: {
      std::size_t space = value.find(' ');
      add_spelling(out, "lower-case", ascii_lowercase(value));
      for (auto [label, part] : {std::pair{"first name", value.substr(0, space)},
                                 std::pair{"last name", value.substr(space + 1)}}) {
        add_spelling(out, label, part);
        add_spelling(out, std::string(label) + " lower-case", ascii_lowercase(part));
      }
      break;
    }
    case FieldKind::kDateOfBirth:
      add_spelling(out, "digits", only_digits(value));
      break;
  }
  return out;
}

}  // namespace tagdrift::detectors
