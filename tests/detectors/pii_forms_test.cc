#include "detectors/pii_forms.h"

#include <catch2/catch.hpp>
#include <string>

#include "detectors/html_tree.h"
#include "detectors/page_context.h"

namespace td = tagdrift::detectors;

namespace {

td::FormField field(std::string name, std::string label = "", std::string type = "text") {
  td::FormField out;
  out.tag = "input";
  out.type = std::move(type);
  out.name = std::move(name);
  out.label = std::move(label);
  return out;
}

std::vector<std::string> page_pii(const std::string& html) {
  td::GumboOutputPtr out = td::parse_html(html);
  return td::analyse_page_context(out->root, "https://a.test/").collects_pii;
}

}  // namespace

TEST_CASE("pii forms: each kind is read from names and labels", "[pii]") {
  const std::vector<std::pair<td::FormField, std::string_view>> cases = {
      {field("email"), "email"},
      {field("your-email-address"), "email"},
      {field("contact", "E-mail"), "email"},
      {field("x", "", "email"), "email"},
      {field("phone"), "phone"},
      {field("mobile_number"), "phone"},
      {field("x", "", "tel"), "phone"},
      {field("homePhone"), "phone"},
      {field("name"), "name"},
      {field("first-name"), "name"},
      {field("last_name"), "name"},
      {field("full_name"), "name"},
      {field("fname"), "name"},
      {field("x", "Your name"), "name"},
      {field("dob"), "date-of-birth"},
      {field("birthdate"), "date-of-birth"},
      {field("x", "Date of birth", "date"), "date-of-birth"},
      {field("patient_bday"), "date-of-birth"},
      {field("street"), "address"},
      {field("address1"), "address"},
      {field("zip"), "address"},
      {field("postal_code"), "address"},
      {field("insurance"), "insurance-id"},
      {field("x", "Member ID"), "insurance-id"},
      {field("policyNumber"), "insurance-id"},
      {field("group_number"), "insurance-id"},
      {field("subscriber_id"), "insurance-id"},
      {field("ssn"), "ssn"},
      {field("x", "Social Security Number"), "ssn"},
      {field("reason_for_visit"), "symptoms"},
      {field("x", "Describe your symptoms"), "symptoms"},
      {field("x", "Describe your concern"), "symptoms"},
      {field("x", "Medical history"), "symptoms"},
  };
  for (const auto& [input, kind] : cases) {
    INFO(input.name << " / " << input.label);
    CHECK(td::pii_kind(input) == kind);
  }
}

TEST_CASE("pii forms: autocomplete tokens name the kind", "[pii]") {
  for (const auto& [token, kind] :
       std::vector<std::pair<std::string, std::string_view>>{{"email", "email"},
                                                             {"tel-national", "phone"},
                                                             {"section-a shipping tel", "phone"},
                                                             {"name", "name"},
                                                             {"given-name", "name"},
                                                             {"family-name", "name"},
                                                             {"bday", "date-of-birth"},
                                                             {"billing street-address", "address"},
                                                             {"postal-code", "address"}}) {
    td::FormField input = field("f1");
    input.autocomplete = token;
    INFO(token);
    CHECK(td::pii_kind(input) == kind);
  }
}

TEST_CASE("pii forms: names that are not a person's and plain fields collect nothing", "[pii]") {
  for (const td::FormField& input :
       {field("company_name"), field("username"), field("x", "Practice name"), field("message"),
        field("x", "How can we help?"), field("password", "", "password"),
        field("email", "", "hidden"), field("phone", "", "checkbox"), field("go", "", "submit")}) {
    INFO(input.name << " / " << input.label);
    CHECK(td::pii_kind(input).empty());
  }
}

TEST_CASE("pii forms: the first matching rule wins", "[pii]") {
  CHECK(td::pii_kind(field("x", "Email address")) == "email");
  CHECK(td::pii_kind(field("x", "Insurance company name")) == "insurance-id");
  CHECK(td::pii_kind(field("x", "Patient date of birth")) == "date-of-birth");
}

TEST_CASE("pii forms: search boxes do not count", "[pii]") {
  CHECK(td::ignored_field(field("q")));
  CHECK(td::ignored_field(field("s")));
  CHECK(td::ignored_field(field("email", "", "search")));
  td::FormField in_search = field("name");
  in_search.in_search_form = true;
  CHECK(td::ignored_field(in_search));
  td::FormField by_placeholder = field("name");
  by_placeholder.placeholder = "Search doctors by name";
  CHECK(td::pii_kind(by_placeholder).empty());
  CHECK_FALSE(td::ignored_field(field("email")));
}

TEST_CASE("pii forms: kinds are listed once each, in a fixed order", "[pii]") {
  CHECK(td::pii_kinds({field("ssn"), field("email"), field("email2"), field("q")}) ==
        std::vector<std::string>{"email", "ssn"});
  CHECK(td::pii_kinds({}).empty());
}

TEST_CASE("pii forms: labels are found by for=id and by wrapping", "[pii]") {
  CHECK(page_pii("<form><label for=a>Date of birth</label><input id=a name=f1>"
                 "<label>Phone <input name=f2></label>"
                 "<label for=c>Insurance member ID</label></form><input id=c>") ==
        std::vector<std::string>{"phone", "date-of-birth", "insurance-id"});
  CHECK(page_pii("<input aria-label='Email address'><textarea placeholder='Your symptoms'>"
                 "</textarea><select name=state_of_residence></select>") ==
        std::vector<std::string>{"email", "symptoms"});
  CHECK(page_pii("<form role=search><input name=email></form>"
                 "<div role=search><input name=phone></div>"
                 "<form action='/search/'><input name=name></form>") == std::vector<std::string>{});
}
